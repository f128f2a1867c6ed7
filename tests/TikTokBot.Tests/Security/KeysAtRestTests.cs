using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TikTokBot.Tests.Digests;
using TikTokBot.Testing.External;

namespace TikTokBot.Tests.Security;

/// <summary>
/// The Data Protection keys decrypt every stored Slack and TikTok token: a copy of the data folder (or a backup) must
/// not be enough to read them, other accounts on the machine must not read the folder, and on PostgreSQL every
/// instance must decrypt what another encrypted.
/// </summary>
public sealed class KeysAtRestTests
{
    private static readonly string Kek = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static string Protect(KestrelAppFactory app, string secret)
    {
        app.CreateKestrelClient().Dispose();
        return app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect(secret);
    }

    private static string Unprotect(KestrelAppFactory app, string sealedText)
    {
        app.CreateKestrelClient().Dispose();
        return app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText);
    }

    [Fact]
    public async Task With_a_key_encryption_key_the_key_files_hold_no_key_in_the_clear_and_open_only_with_it()
    {
        var folder = Directory.CreateTempSubdirectory("tiktokbot-keys-").FullName;
        try
        {
            string sealedText;
            await using (var app = new ConfiguredAppFactory("Production", ("Storage:DataDirectory", folder), ("Storage:KeyEncryptionKey", Kek)))
            {
                sealedText = Protect(app, "xoxb-a-bot-token");
            }

            var keyFile = Assert.Single(Directory.GetFiles(Path.Combine(folder, "keys"), "*.xml"));
            var xml = await File.ReadAllTextAsync(keyFile);
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains("sealedWithKeyEncryptionKey", xml);

            await using (var again = new ConfiguredAppFactory("Production", ("Storage:DataDirectory", folder), ("Storage:KeyEncryptionKey", Kek)))
            {
                Assert.Equal("xoxb-a-bot-token", Unprotect(again, sealedText));
            }

            // The folder alone (a copied backup) opens nothing.
            await using var stolen = new ConfiguredAppFactory("Production", ("Storage:DataDirectory", folder),
                ("Storage:KeyEncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
            Assert.ThrowsAny<CryptographicException>(() => Unprotect(stolen, sealedText));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task With_a_certificate_the_keys_are_sealed_with_it()
    {
        var folder = Directory.CreateTempSubdirectory("tiktokbot-keys-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            using var certificate = new CertificateRequest("CN=TikTokBot keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
            var pfx = Path.Combine(folder, "keys.pfx");
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx-password"));
            (string, string)[] settings =
                [("Storage:DataDirectory", Path.Combine(folder, "data")), ("Storage:KeysCertificatePath", pfx), ("Storage:KeysCertificatePassword", "pfx-password")];

            string sealedText;
            await using (var app = new ConfiguredAppFactory("Production", settings))
            {
                sealedText = Protect(app, "tiktok-token");
            }

            var xml = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Path.Combine(folder, "data", "keys"), "*.xml")));
            Assert.DoesNotContain("<masterKey", xml);
            Assert.Contains("X509Certificate", xml);
            await using var again = new ConfiguredAppFactory("Production", settings);
            Assert.Equal("tiktok-token", Unprotect(again, sealedText));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task What_the_app_writes_is_its_users_alone()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes; Windows keeps ACLs instead.
        }

        var folder = Path.Combine(Directory.CreateTempSubdirectory("tiktokbot-modes-").FullName, "data");
        try
        {
            await using (var app = new ConfiguredAppFactory("Production", ("Storage:DataDirectory", folder)))
            {
                Protect(app, "anything");
            }

            const UnixFileMode folderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            const UnixFileMode fileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            Assert.Equal(folderMode, File.GetUnixFileMode(folder));
            Assert.Equal(folderMode, File.GetUnixFileMode(Path.Combine(folder, "keys")));
            foreach (var file in Directory.GetFiles(Path.Combine(folder, "keys")).Concat(Directory.GetFiles(folder, "tiktokbot.db*")))
            {
                Assert.True(fileMode == File.GetUnixFileMode(file), $"{file} is {File.GetUnixFileMode(file)}");
            }

            Assert.NotEmpty(Directory.GetFiles(folder, "tiktokbot.db*"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [NeedsFact(External.PostgreSql)]
    public async Task On_PostgreSQL_every_instance_reads_the_keys_from_the_database_and_decrypts_what_another_encrypted()
    {
        var database = new ThrowawayPostgresDatabase("keys_at_rest");
        await database.CreateAsync();
        var first = Directory.CreateTempSubdirectory("tiktokbot-keys-a-").FullName;
        var second = Directory.CreateTempSubdirectory("tiktokbot-keys-b-").FullName;
        try
        {
            (string, string)[] postgres =
                [("Storage:Provider", "Postgres"), ("Storage:ConnectionString", database.ConnectionString().ToString()), ("Storage:KeyEncryptionKey", Kek)];
            await using var one = new ConfiguredAppFactory("Production", [.. postgres, ("Storage:DataDirectory", first)]);
            await using var other = new ConfiguredAppFactory("Production", [.. postgres, ("Storage:DataDirectory", second)]);

            var sealedText = Protect(one, "xoxb-shared");

            Assert.Equal("xoxb-shared", Unprotect(other, sealedText));
            Assert.False(Directory.Exists(Path.Combine(first, "keys")) && Directory.GetFiles(Path.Combine(first, "keys")).Length > 0, "no key file beside the app");
            await using var connection = new NpgsqlConnection(database.ConnectionString().ToString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys;", connection);
            var xml = (string)(await command.ExecuteScalarAsync())!;
            Assert.DoesNotContain("<masterKey", xml);
        }
        finally
        {
            await database.DropAsync();
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }
}
