using System.Security.Cryptography;
using System.Text;

namespace TikTokBot.Storage.Keys;

/// <summary>
/// <c>Storage:KeyEncryptionKey</c>: 32 random bytes in base64 that encrypt each Data Protection key before it is written
/// (AES-256-GCM). Kept outside the data folder and its backups (an environment variable, a secret store), it makes a copy
/// of the keys useless on its own.
/// </summary>
internal sealed class KeyEncryptionKey
{
    private static readonly byte[] Context = "TikTokBot Data Protection key"u8.ToArray();
    private readonly byte[] _key;

    public KeyEncryptionKey(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Storage:KeyEncryptionKey is not base64; make one with: openssl rand -base64 32");
        }

        _key = key.Length == 32 ? key : throw new InvalidOperationException("Storage:KeyEncryptionKey must be 32 bytes (base64 of 32 random bytes: openssl rand -base64 32).");
    }

    internal string Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedKey = new byte[12 + 16 + plain.Length];
        var nonce = sealedKey.AsSpan(0, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, plain, sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), Context);
        return Convert.ToBase64String(sealedKey);
    }

    internal string Decrypt(string sealedText)
    {
        var sealedKey = Convert.FromBase64String(sealedText);
        var plain = new byte[sealedKey.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(sealedKey.AsSpan(0, 12), sealedKey.AsSpan(28), sealedKey.AsSpan(12, 16), plain, Context);
        return Encoding.UTF8.GetString(plain);
    }
}
