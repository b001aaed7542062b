using System.Globalization;
using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>An open console tab makes no HTTP requests, so the cookie checks never run for it. Every
/// minute this re-checks the circuit's user: still there, not disabled, rights unchanged (security
/// stamp) and within the absolute session lifetime; otherwise the tab is signed out.</summary>
public sealed class RevalidatingAuthState(
    ILoggerFactory loggers,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> identity,
    SecurityOptions security,
    TimeProvider time
) : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LianxinUser>>();
        return await StillValidAsync(users, state.User, identity.Value, security, time.GetUtcNow());
    }

    public static async Task<bool> StillValidAsync(
        UserManager<LianxinUser> users,
        ClaimsPrincipal principal,
        IdentityOptions identity,
        SecurityOptions security,
        DateTimeOffset now
    )
    {
        var user = await users.GetUserAsync(principal);
        if (user is null || user.IsDisabled)
            return false;
        if (principal.FindFirstValue(identity.ClaimsIdentity.SecurityStampClaimType) != await users.GetSecurityStampAsync(user))
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
