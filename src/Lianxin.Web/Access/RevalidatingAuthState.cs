using System.Globalization;
using System.Security.Claims;
using Lianxin.Core.Data;
using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>An open console tab makes no HTTP requests, so the cookie checks never run for it. Every
/// minute this re-checks the circuit's user: still there, not disabled, rights unchanged (security
/// stamp), session not ended and within the absolute session lifetime; otherwise the tab is signed out.
/// Between those checks, every event the tab sends first asks whether its session is still live
/// (<see cref="EndIfSessionEndedAsync"/>, called by <see cref="CurrentUserCircuitHandler"/>), so a tab whose
/// session was ended elsewhere stops working at its next click.</summary>
public sealed class RevalidatingAuthState(
    ILoggerFactory loggers,
    IServiceScopeFactory scopes,
    SessionRegistry registry,
    AccessCache access,
    IOptions<IdentityOptions> identity,
    SecurityOptions security,
    TimeProvider time
) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
        return await StillValidAsync(access, db, sessions, state.User, identity.Value, security, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>Signs the tab out if its session has ended; cheap when this node knows the session is live.
    /// Returns whether the tab is still signed in.</summary>
    public async Task<bool> EndIfSessionEndedAsync()
    {
        var user = (await GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true)
            return false;
        if (
            UserSessions.IdOf(user) is { } id
            && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
            && registry.KnownLive(id, userId)
        )
            return true;
        await using var scope = scopes.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<UserSessions>();
        if (await sessions.IsLiveAsync(user))
            return true;
        await sessions.AuditRefusalAsync(user, "已打开的页面");
        SetAuthenticationState(Task.FromResult(SignedOut));
        return false;
    }

    public static async Task<bool> StillValidAsync(
        AccessCache cache,
        LianxinDbContext db,
        UserSessions sessions,
        ClaimsPrincipal principal,
        IdentityOptions identity,
        SecurityOptions security,
        DateTimeOffset now,
        CancellationToken ct = default
    )
    {
        if (
            principal.FindFirstValue(identity.ClaimsIdentity.UserIdClaimType) is not { } userId
            || !await sessions.IsLiveAsync(principal, ct)
        )
            return false;
        var access = await cache.OfAsync(db, userId, ct);
        if (!access.MayAct || principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType) != access.SecurityStamp)
            return false;
        return !PastAbsoluteLifetime(principal, security, now);
    }

    /// <summary>The one rule for the absolute session lifetime, read from the sign-in time the principal
    /// carries; used by the cookie check, open tabs and bearer tokens alike.</summary>
    public static bool PastAbsoluteLifetime(ClaimsPrincipal principal, SecurityOptions security, DateTimeOffset now) =>
        principal.FindFirstValue(LianxinClaims.SignedInAt) is { } at
        && long.TryParse(at, CultureInfo.InvariantCulture, out var ticks)
        && now - new DateTimeOffset(ticks, TimeSpan.Zero) > TimeSpan.FromHours(security.AbsoluteSessionHours);
}
