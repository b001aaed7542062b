using Lianxin.Core.Data;
using Lianxin.Web.Audit;
using Lianxin.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Hosting;

/// <summary>Operator commands: `seed demo`, `migrate`, `audit verify`, `audit purge`.
/// Each uses the same configuration as the app (appsettings, environment, --Database:Provider=...).</summary>
public static class Commands
{
    private static readonly string[] Names = ["seed", "migrate", "audit", "account", "help"];

    private const string ResetSwitch = "--reset";

    public static bool IsCommand(string arg) => Names.Contains(arg);

    public static async Task<int> RunAsync(string[] args)
    {
        // Positional words come first ("account grant NAME ROLE"); the rest is configuration.
        var words = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        // "--reset" is a switch of `seed demo`, not a setting: the configuration reader would want a value after it.
        var resetDemo = args.Contains(ResetSwitch);
        var rest = args.Skip(words.Length).Where(a => a != ResetSwitch).ToArray();
        var builder = WebApplication.CreateBuilder(rest);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        LianxinHost.AddServices(builder);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<LianxinDbContext>();
        var sub = args.Length > 1 ? args[1] : "";
        switch (args[0], sub)
        {
            case ("migrate", _):
                await DatabaseSetup.MigrateAsync(
                    db,
                    sp.GetRequiredService<IBulkWriter>(),
                    sp.GetRequiredService<Core.Common.AddressNormalizer>()
                );
                Console.WriteLine($"数据库已迁移到最新版本（{db.Database.ProviderName}）。");
                return 0;
            case ("seed", "demo"):
            {
                if (resetDemo && await db.OrgUnits.AnyAsync())
                {
                    if (!await DemoSeeder.IsDemoDatabaseAsync(db))
                    {
                        Console.Error.WriteLine("数据库中的数据不是演示数据命令生成的，不能用 --reset 清空。请确认连接的数据库。");
                        return 1;
                    }
                    Console.WriteLine($"清空演示数据库（{db.Database.ProviderName}）……");
                    await db.Database.EnsureDeletedAsync();
                    db.ChangeTracker.Clear();
                }
                await DatabaseSetup.MigrateAsync(
                    db,
                    sp.GetRequiredService<IBulkWriter>(),
                    sp.GetRequiredService<Core.Common.AddressNormalizer>()
                );
                await Access.BuiltInRoleSeeder.EnsureAsync(sp);
                await Core.Dictionaries.DictionaryService.SeedDefaultsAsync(db);
                var residents = Count(app.Configuration["residents"], 80_000, 10_000_000);
                var disputes = Count(app.Configuration["disputes"], Core.Demo.DemoDisputes.DefaultCount, 1_000_000);
                var incidents = Count(app.Configuration["incidents"], Core.Demo.DemoIncidents.DefaultCount, 10_000_000);
                var started = DateTime.UtcNow;
                try
                {
                    var accounts = await DemoSeeder.SeedAsync(
                        sp,
                        residents,
                        disputes: disputes,
                        incidentCount: incidents,
                        progress: new StepPrinter(started)
                    );
                    Console.WriteLine(
                        $"演示县已生成（{(DateTime.UtcNow - started).TotalSeconds:F0} 秒）。各角色账号如下，首次登录须修改密码："
                    );
                    Console.WriteLine();
                    Console.WriteLine($"{"用户名", -12}{"初始密码", -18}{"角色", -12}单位");
                    foreach (var a in accounts)
                        Console.WriteLine($"{a.UserName, -15}{a.Password, -22}{a.Role, -12}{a.Unit}（{a.DisplayName}）");
                    return 0;
                }
                catch (InvalidOperationException e)
                {
                    Console.Error.WriteLine(e.Message);
                    Console.Error.WriteLine("要重新生成演示数据，请运行 seed demo --reset（只清空由演示命令生成的数据库）。");
                    return 1;
                }
            }
            case ("audit", "verify"):
            {
                var result = await Core.Audit.AuditChain.VerifyAsync(
                    db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable()
                );
                if (result.Intact)
                {
                    Console.WriteLine($"审计日志完整：已校验 {result.Checked} 条。");
                    return 0;
                }
                Console.WriteLine($"审计日志在第 {result.FirstBrokenSeq} 条处断裂：{result.Reason}。");
                return 2;
            }
            case ("account", "grant") when words.Length == 4:
            case ("account", "revoke") when words.Length == 4:
            {
                var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Access.LianxinUser>>();
                var user = await users.FindByNameAsync(words[2]);
                if (user is null)
                {
                    Console.Error.WriteLine($"账号 {words[2]} 不存在。");
                    return 1;
                }
                var role = words[3];
                if (Core.Access.BuiltInRoles.All.All(r => r.Name != role))
                {
                    Console.Error.WriteLine($"角色 {role} 不存在。");
                    return 1;
                }
                var current = await users.GetRolesAsync(user);
                var wanted = sub == "grant" ? current.Append(role).Distinct().ToList() : current.Where(r => r != role).ToList();
                if (
                    wanted.Count(Core.Access.BuiltInRoles.SeparatedDuties.Contains) > 1
                    || (wanted.Any(Core.Access.BuiltInRoles.SeparatedDuties.Contains) && wanted.Count > 1)
                )
                {
                    Console.Error.WriteLine("三员角色须由不同账号担任，且不能与业务角色同时拥有。");
                    return 1;
                }
                var result = sub == "grant" ? await users.AddToRoleAsync(user, role) : await users.RemoveFromRoleAsync(user, role);
                if (!result.Succeeded)
                {
                    Console.Error.WriteLine(string.Join("；", result.Errors.Select(e => e.Description)));
                    return 1;
                }
                await users.UpdateSecurityStampAsync(user);
                Console.WriteLine(sub == "grant" ? $"已为 {user.UserName} 分配角色 {role}。" : $"已收回 {user.UserName} 的角色 {role}。");
                return 0;
            }
            case ("account", "reset-password") when words.Length == 3:
            {
                var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Core.Access.LianxinUser>>();
                var user = await users.FindByNameAsync(words[2]);
                if (user is null)
                {
                    Console.Error.WriteLine($"账号 {words[2]} 不存在。");
                    return 1;
                }
                var password = Access.UserAdminService.GeneratePassword();
                var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
                if (!reset.Succeeded)
                {
                    Console.Error.WriteLine(string.Join("；", reset.Errors.Select(e => e.Description)));
                    return 1;
                }
                user.MustChangePassword = true;
                await users.UpdateAsync(user);
                await users.SetLockoutEndDateAsync(user, null);
                await users.UpdateSecurityStampAsync(user);
                await sp.GetRequiredService<Access.UserSessions>().EndAllAsync(user.Id, Access.UserSessions.PasswordReset);
                Console.WriteLine($"{user.UserName} 的一次性密码：{password}（首次登录须修改）");
                return 0;
            }
            case ("audit", "purge"):
            {
                var options = app.Configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
                var removed = await db.PurgeAuditBeforeAsync(DateTimeOffset.UtcNow.AddDays(-options.EffectiveRetentionDays));
                Console.WriteLine($"已清理 {removed} 条超过 {options.EffectiveRetentionDays} 天的审计日志。");
                return 0;
            }
            default:
                Console.WriteLine(
                    """
                    用法：dotnet run --project src/Lianxin.Web -- <命令>
                      seed demo       在空库中生成演示县并打印各角色账号（--residents=80000 --disputes=3000 --incidents=20000 可改数量）；
                                      --reset 先清空由演示命令生成的数据库再重新生成
                      migrate         把数据库迁移到最新版本
                      audit verify    校验审计日志哈希链，报告第一处断裂
                      audit purge     清理超过保留期（至少 180 天）的审计日志
                      account grant <用户名> <角色>     分配角色（三员角色只能这样分配）
                      account revoke <用户名> <角色>    收回角色
                      account reset-password <用户名>   重置为一次性密码并解除锁定（三员账号只能这样重置）
                    数据库由配置选择：--Database:Provider=Postgres --ConnectionStrings:Lianxin="Host=...;Database=...;Username=..."
                    """
                );
                return args[0] == "help" ? 0 : 1;
        }
    }

    /// <summary>A positive count from the command line within its bound, else the default.</summary>
    private static int Count(string? value, int fallback, int max) => int.TryParse(value, out var n) && n > 0 ? Math.Min(n, max) : fallback;

    /// <summary>Prints each step of a long command as it starts, with the seconds since the command began (synchronously,
    /// unlike <see cref="Progress{T}"/>, which would post the lines out of order).</summary>
    private sealed class StepPrinter(DateTime started) : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine($"[{(DateTime.UtcNow - started).TotalSeconds, 4:F0} 秒] {value}……");
    }
}
