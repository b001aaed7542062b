using System.Collections.Concurrent;
using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Access;

/// <summary>Writes an audit line for each refusal of a signed-in user (a 403 from a policy, from a service's
/// permission or scope check, on a page or through the API), so probing for what an account can reach leaves a
/// trace. The line is written in its own scope, so nothing the refused request had changed is saved with it. An
/// account that is refused more than <see cref="PerMinute"/> times in a minute gets the rest counted, not written
/// one by one: the next line says how many were left out, so a flood cannot fill the log; and the security
/// administrators are told once, in their inbox, that the account is probing.</summary>
public sealed class RefusalAudit(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RefusalAudit> log)
{
    public const int PerMinute = 30;
    private const int MaxTarget = 200;
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed record Window(long Minute, int Count, int Suppressed, int Carried);

    public async Task RecordAsync(ClaimsPrincipal user, string? ip, string target, string reason, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true)
            return;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.Identity.Name ?? "?";
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var w = _windows.AddOrUpdate(
            id,
            _ => new Window(minute, 1, 0, 0),
            (_, old) =>
                old.Minute == minute
                    ? old with
                    {
                        Count = old.Count + 1,
                        Suppressed = old.Count + 1 > PerMinute ? old.Suppressed + 1 : old.Suppressed,
                    }
                    : new Window(minute, 1, 0, old.Suppressed)
        );
        if (w.Count == PerMinute + 1)
            await WarnSecurityAsync(user, ip, target);
        if (w.Count > PerMinute)
            return;
        if (_windows.Count > 10_000)
            foreach (var stale in _windows.Where(x => x.Value.Minute < minute - 1).Select(x => x.Key).ToList())
                _windows.TryRemove(stale, out _);
        var summary = w.Carried > 0 && w.Count == 1 ? $"{reason}（此前一分钟另有 {w.Carried} 次被拒未逐条记录）" : reason;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(user, ip);
            var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
            db.Audit(AuditAction.Refused, "Access", target.Length > MaxTarget ? target[..MaxTarget] : target, summary);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The refusal itself stands; only its trace failed.
            log.LogWarning(e, "Could not audit a refusal of {User} at {Target}", id, target);
        }
    }

    /// <summary>Tells every active security administrator that one account was refused more than
    /// <see cref="PerMinute"/> times within a minute.</summary>
    private async Task WarnSecurityAsync(ClaimsPrincipal user, string? ip, string target)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
            var roleIds = db.Roles.Where(r => r.Name == BuiltInRoles.SecurityAdmin).Select(r => r.Id);
            var admins = await db
                .Users.Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
                .Select(u => u.Id)
                .ToListAsync();
            var name = user.Identity?.Name ?? "?";
            foreach (var admin in admins)
                db.Notifications.Add(
                    new Notification
                    {
                        UserId = admin,
                        Title = $"账号 {name} 一分钟内被拒绝访问超过 {PerMinute} 次",
                        Body = $"最近一次：{target}（来自 {ip ?? "未知地址"}）。请在审计日志中按“越权被拒”和该账号查看。",
                        Link = "/audit",
                        Severity = "warning",
                        CreatedAt = clock.GetUtcNow(),
                    }
                );
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not tell the security administrators about refusals of {User}", user.Identity?.Name);
        }
    }

    /// <summary>The request a refusal was for: method and path (no query string, which may hold search terms).</summary>
    public static string Target(HttpContext ctx) => $"{ctx.Request.Method} {ctx.Request.Path}";
}
