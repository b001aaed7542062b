using Lianxin.Core.Audit;

namespace Lianxin.Core.Access;

/// <summary>One sign-in, kept on the server so it can be ended there: a cookie or a bearer token carries only
/// this id, and every request asks whether the session is still live. Sign-out ends one session; a password
/// change, a password reset and disabling the account end all of them. A bearer session also holds its
/// refresh token's generation: each refresh moves it on, and a token of an earlier generation coming back
/// (a stolen, already-used refresh token) ends the whole session.</summary>
[NotAudited]
public sealed class UserSession
{
    public const string Cookie = "cookie";
    public const string Bearer = "bearer";

    public Guid Id { get; private set; }
    public string UserId { get; private set; } = "";

    /// <summary><see cref="Cookie"/> (pages) or <see cref="Bearer"/> (API clients).</summary>
    public string Kind { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The absolute end of the session, however active; nothing refreshes it.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Why it ended early: sign-out, password change, account disabled, refresh token reused, ...</summary>
    public string? RevokedReason { get; private set; }

    /// <summary>The generation of the one refresh token that may still be used (bearer sessions).</summary>
    public int RefreshGeneration { get; private set; }

    private UserSession() { }

    public static UserSession Start(string userId, string kind, DateTimeOffset now, TimeSpan lifetime) =>
        new()
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Kind = kind,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
}
