using Lianxin.Core.Audit;

namespace Lianxin.Core.Access;

/// <summary>The hash of a password an account used before (GB/T 22239 level 3: a new password may not repeat
/// one of the last <see cref="Remembered"/>, the current one included). Written when a password is replaced;
/// only the newest <see cref="Remembered"/> − 1 are kept, the current password being the last of the five.
/// The change itself is audited on the account, so these rows are not.</summary>
[NotAudited]
public sealed class PasswordHistoryEntry
{
    /// <summary>How many passwords, the current one included, a new password may not repeat.</summary>
    public const int Remembered = 5;

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";
    public string PasswordHash { get; private set; } = "";

    /// <summary>When this password stopped being the account's password.</summary>
    public DateTimeOffset ReplacedAt { get; private set; }

    private PasswordHistoryEntry() { }

    public static PasswordHistoryEntry Of(string userId, string passwordHash, DateTimeOffset replacedAt) =>
        new()
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            PasswordHash = passwordHash,
            ReplacedAt = replacedAt,
        };
}
