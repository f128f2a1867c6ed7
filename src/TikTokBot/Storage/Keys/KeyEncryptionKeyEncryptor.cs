using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace TikTokBot.Storage.Keys;

/// <summary>Seals each new Data Protection key with the <see cref="KeyEncryptionKey"/>.</summary>
internal sealed class KeyEncryptionKeyEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(
        new XElement("sealedWithKeyEncryptionKey", key.Encrypt(plaintextElement.ToString(SaveOptions.DisableFormatting))),
        typeof(KeyEncryptionKeyDecryptor));
}
