namespace Lianxin.Core.Common;

/// <summary>A piece of personal data as stored: ciphertext, a keyed hash for exact search, and the
/// mask shown on screens. The clear value is never stored. Owned by its record (same table).</summary>
public sealed record ProtectedText
{
    public static readonly ProtectedText Empty = new();

    public byte[]? Cipher { get; init; }
    public string? Hash { get; init; }
    public string? Masked { get; init; }

    /// <summary>The stored value from a record's three columns (cipher, blind index, mask).</summary>
    public static ProtectedText Of(byte[]? cipher, string? hash, string? masked) =>
        new()
        {
            Cipher = cipher,
            Hash = hash,
            Masked = masked,
        };

    public bool HasValue => Cipher is { Length: > 0 };
}
