using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using TikTokBot.Storage.Database;

namespace TikTokBot.Storage.Keys;

/// <summary>
/// Where the Data Protection keys (which decrypt every stored Slack and TikTok token) are kept, and how they are
/// protected there: in the database on PostgreSQL (shared by every instance), in <c>keys/</c> (0700, files 0600) on
/// SQLite; sealed with <c>Storage:KeyEncryptionKey</c> or the certificate <c>Storage:KeysCertificatePath</c> when set.
/// </summary>
internal static class KeysAtRest
{
    public static void AddKeys(this IServiceCollection services, IConfiguration configuration, StorageDatabase database, string dataDirectory)
    {
        var folder = Path.Combine(dataDirectory, "keys");
        var protection = services.AddDataProtection().SetApplicationName("TikTokBot");
        services.Configure<KeyManagementOptions>(keys => keys.XmlRepository = database is PostgresDatabase
            ? new DatabaseXmlRepository(database, folder)
            : new PrivateFileXmlRepository(folder));

        if (configuration["Storage:KeyEncryptionKey"] is { Length: > 0 } kek)
        {
            var key = new KeyEncryptionKey(kek);
            services.AddSingleton(key);
            services.Configure<KeyManagementOptions>(keys => keys.XmlEncryptor = new KeyEncryptionKeyEncryptor(key));
        }
        else if (configuration["Storage:KeysCertificatePath"] is { Length: > 0 } path)
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["Storage:KeysCertificatePassword"]);
            protection.ProtectKeysWithCertificate(certificate);
            // Older keys sealed with an earlier certificate open with it too while it is still configured.
            protection.UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    /// <summary>Whether keys are sealed at rest: what the start-up banner and the README's backup advice depend on.</summary>
    public static bool Sealed(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["Storage:KeyEncryptionKey"]) || !string.IsNullOrEmpty(configuration["Storage:KeysCertificatePath"]);
}
