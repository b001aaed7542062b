using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Core.Common;

/// <summary>Encrypts personal data (AES-256-GCM, random nonce) and computes the blind index
/// (HMAC-SHA256) that makes exact lookup possible without storing the clear value.</summary>
public sealed class PersonalDataProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    private readonly byte[] _indexKey;

    // Key setup costs more than encrypting a phone number; bulk imports protect millions of values, so each
    // thread keeps its own cipher and MAC (neither is safe to share between threads).
    private readonly ThreadLocal<AesGcm> _aes;
    private readonly ThreadLocal<HMACSHA256> _mac;

    public PersonalDataProtector(PersonalDataOptions options)
    {
        _key = DecodeKey(options.EncryptionKey, "PersonalData:EncryptionKey");
        _indexKey = DecodeKey(options.BlindIndexKey, "PersonalData:BlindIndexKey");
        _aes = new ThreadLocal<AesGcm>(() => new AesGcm(_key, TagSize));
        _mac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(_indexKey));
    }

    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public ProtectedText Protect(string? clear, Func<string, string> mask)
    {
        if (string.IsNullOrEmpty(clear))
            return ProtectedText.Empty;
        return new ProtectedText
        {
            Cipher = Encrypt(clear),
            Hash = BlindIndex(clear),
            Masked = mask(clear),
        };
    }

    /// <summary>The value to store after an edit: the current one when the clear value is unchanged (so an
    /// edit does not re-encrypt and no change is logged), else the new value protected.</summary>
    public ProtectedText ProtectIfChanged(ProtectedText current, string normalized, Func<string, string> mask) =>
        BlindIndex(normalized) == current.Hash ? current : Protect(normalized, mask);

    public string? Reveal(ProtectedText value) => value.Cipher is { Length: > 0 } c ? Decrypt(c) : null;

    public byte[] Encrypt(string clear)
    {
        var plain = Encoding.UTF8.GetBytes(clear);
        var output = new byte[1 + NonceSize + TagSize + plain.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        _aes.Value!.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] data)
    {
        if (data.Length < 1 + NonceSize + TagSize || data[0] != FormatVersion)
            throw new CryptographicException("Unknown personal data format.");
        var plain = new byte[data.Length - 1 - NonceSize - TagSize];
        _aes.Value!.Decrypt(data.AsSpan(1, NonceSize), data.AsSpan(1 + NonceSize + TagSize), data.AsSpan(1 + NonceSize, TagSize), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Deterministic keyed hash of the normalised value; 128 bits is ample against collisions
    /// and keeps the index small.</summary>
    public string BlindIndex(string normalized)
    {
        Span<byte> mac = stackalloc byte[32];
        _mac.Value!.TryComputeHash(Encoding.UTF8.GetBytes(normalized), mac, out _);
        return Convert.ToHexStringLower(mac[..16]);
    }

    private static byte[] DecodeKey(string value, string name)
    {
        try
        {
            var key = Convert.FromBase64String(value);
            if (key.Length == 32)
                return key;
        }
        catch (FormatException) { }
        throw new InvalidOperationException($"{name} must be base64 of 32 bytes.");
    }
}
