using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Data;
using Lianxin.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Access;

/// <summary>Server-side sessions (<see cref="UserSession"/>): started at sign-in, asked about on every request
/// (cookie, bearer token and open console tab alike), ended by sign-out, password change, password reset and
/// disabling the account. A bearer session's refresh tokens live and die with it.</summary>
public sealed class UserSessions(
    LianxinDbContext db,
    SessionRegistry registry,
    AccessChangeBus changes,
    SecurityOptions security,
    TimeProvider time
)
{
    public const string SignedOut = "sign-out";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string AccountDisabled = "account-disabled";
    public const string RefreshReused = "refresh-reused";

    /// <summary>Adds a session for the caller to save with its sign-in audit line, before the cookie or token is issued.</summary>
    public UserSession Start(string userId, string kind)
    {
        var session = UserSession.Start(userId, kind, time.GetUtcNow(), TimeSpan.FromHours(security.AbsoluteSessionHours));
        db.UserSessions.Add(session);
        return session;
    }

    public static Guid? IdOf(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(LianxinClaims.SessionId), out var id) ? id : null;

    /// <summary>Whether the principal's session is still live. A principal without a session (issued before
    /// sessions were kept) is not.</summary>
    public async Task<bool> IsLiveAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || IdOf(principal) is not { } id)
            return false;
        if (registry.KnownLive(id, userId))
            return true;
        var epoch = registry.Epoch;
        var now = time.GetUtcNow();
        var live = await db
            .UserSessions.AsNoTracking()
            .AnyAsync(s => s.Id == id && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now, ct);
        if (live)
            registry.RememberLive(id, userId, epoch);
        return live;
    }

    /// <summary>Audits the first refusal of a dead session on this node (a cookie or token replayed after
    /// sign-out, or kept by a tab left open), not every one, so replays cannot flood the log.</summary>
    public async Task AuditRefusalAsync(ClaimsPrincipal principal, string where, CancellationToken ct = default)
    {
        if (IdOf(principal) is not { } id || !registry.FirstRefusal(id))
            return;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var name = principal.Identity?.Name;
        db.Audit(AuditAction.SessionRefused, nameof(LianxinUser), userId, $"已结束的会话再次被使用（{where}），已拒绝", userId, name);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends one session (sign-out, a reused refresh token).</summary>
    public async Task EndAsync(Guid id, string reason, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        await db
            .UserSessions.Where(s => s.Id == id && s.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct);
        changes.SessionEnded(id);
    }

    /// <summary>Ends every live session of an account, but <paramref name="except"/> (the one that changed
    /// the password keeps going). Returns how many ended.</summary>
    public async Task<int> EndAllAsync(string userId, string reason, Guid? except = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var query = db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null);
        if (except is { } keep)
            query = query.Where(s => s.Id != keep);
        var ended = await query.ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, now).SetProperty(s => s.RevokedReason, reason), ct);
        changes.SessionsOfUserEnded(userId);
        return ended;
    }

    /// <summary>Exchanges a bearer session's refresh token of <paramref name="generation"/> for the next one,
    /// atomically, so two uses of one token cannot both succeed. A token that was exchanged before ends the
    /// session, and with it every access and refresh token it issued.</summary>
    public async Task<RefreshOutcome> RotateAsync(Guid id, string userId, int generation, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var moved = await db
            .UserSessions.Where(s =>
                s.Id == id
                && s.UserId == userId
                && s.Kind == UserSession.Bearer
                && s.RevokedAt == null
                && s.ExpiresAt > now
                && s.RefreshGeneration == generation
            )
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RefreshGeneration, generation + 1), ct);
        if (moved == 1)
            return RefreshOutcome.Rotated;
        var live = await db
            .UserSessions.AsNoTracking()
            .AnyAsync(s => s.Id == id && s.UserId == userId && s.RevokedAt == null && s.ExpiresAt > now, ct);
        if (!live)
            return RefreshOutcome.Ended;
        await EndAsync(id, RefreshReused, ct);
        return RefreshOutcome.Reused;
    }
}
