namespace Lianxin.Core.Common;

public sealed class PersonalDataOptions
{
    /// <summary>Base64 of 32 random bytes: the AES-256-GCM key for personal data.</summary>
    public string EncryptionKey { get; set; } = "";

    /// <summary>Base64 of 32 random bytes: the HMAC key of the blind index, separate from the
    /// encryption key so a leaked index key does not decrypt anything.</summary>
    public string BlindIndexKey { get; set; } = "";
}
