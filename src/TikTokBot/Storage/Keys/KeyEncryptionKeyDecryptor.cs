using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace TikTokBot.Storage.Keys;

/// <summary>Opens a key sealed by <see cref="KeyEncryptionKeyEncryptor"/>; Data Protection builds it with the app's services.</summary>
internal sealed class KeyEncryptionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse((services.GetService(typeof(KeyEncryptionKey)) as KeyEncryptionKey
            ?? throw new InvalidOperationException("A Data Protection key is sealed with Storage:KeyEncryptionKey, which is not set."))
            .Decrypt(encryptedElement.Value));
}
