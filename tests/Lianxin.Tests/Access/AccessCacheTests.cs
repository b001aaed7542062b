using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Tests.Support;
using Lianxin.Web.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class AccessCacheSqliteTests(AccessCacheTests.LongCacheSqlite app)
    : AccessCacheTests(app),
        IClassFixture<AccessCacheTests.LongCacheSqlite>;

public sealed class AccessCachePostgresTests(AccessCacheTests.LongCachePostgres app)
    : AccessCacheTests(app),
        IClassFixture<AccessCacheTests.LongCachePostgres>;

/// <summary>A node remembers each account's access (enabled, security stamp, scope) instead of reading it on every
/// request. These tests give the memory ten minutes, so anything they see change within a test was forgotten because
/// of the change, not because it expired: a save through any service or context, and a save inside a transaction
/// only once it commits (a request that read the old rights meanwhile does not keep them).</summary>
public abstract class AccessCacheTests(AppFixture app)
{
    public sealed class LongCacheSqlite : AppFixture
    {
        protected override DbKind Kind => DbKind.Sqlite;

        protected override LianxinFactory CreateFactory() => new(Kind, new() { ["Security:SessionCacheSeconds"] = "600" });
    }

    public sealed class LongCachePostgres : AppFixture
    {
        protected override DbKind Kind => DbKind.Postgres;

        protected override LianxinFactory CreateFactory() => new(Kind, new() { ["Security:SessionCacheSeconds"] = "600" });
    }

    [Fact]
    public async Task A_unit_change_saved_through_a_context_changes_the_next_list_at_once()
    {
        using var officer = await TestWorld.ClientAsync(app.Factory, "officer1");
        Assert.Contains(app.World.ResidentIds["张三1"], await ResidentIdsAsync(officer));
        var before = app.Factory.Services.GetRequiredService<AccessCache>().Count;
        Assert.True(before > 0, "the first list should have been answered from a remembered scope");

        await MoveAsync("officer1", app.World.Districts[1].Id);
        var after = await ResidentIdsAsync(officer);
        Assert.Contains(app.World.ResidentIds["张三2"], after);
        Assert.DoesNotContain(app.World.ResidentIds["张三1"], after);

        await MoveAsync("officer1", app.World.Districts[0].Id);
        Assert.Contains(app.World.ResidentIds["张三1"], await ResidentIdsAsync(officer));
    }

    [Fact]
    public async Task An_account_disabled_inside_a_transaction_is_refused_once_it_commits_not_before()
    {
        using var informant = await TestWorld.ClientAsync(app.Factory, "informant2");
        Assert.Equal(HttpStatusCode.OK, (await informant.GetAsync("/api/v1/auth/me")).StatusCode);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var user = await db.Users.SingleAsync(u => u.UserName == "informant2");
            user.IsDisabled = true;
            await db.SaveChangesAsync();

            // Not committed yet: the request reads the old account (and would remember it, were it not for the commit).
            Assert.Equal(HttpStatusCode.OK, (await informant.GetAsync("/api/v1/auth/me")).StatusCode);
            await tx.CommitAsync();
        }
        await ApiAssert.ProblemAsync(await informant.GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rights_change_that_is_rolled_back_changes_nothing()
    {
        using var auxiliary = await TestWorld.ClientAsync(app.Factory, "auxiliary2");
        Assert.Equal(HttpStatusCode.OK, (await auxiliary.GetAsync("/api/v1/auth/me")).StatusCode);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            var user = await db.Users.SingleAsync(u => u.UserName == "auxiliary2");
            user.IsDisabled = true;
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await auxiliary.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task An_answer_read_while_a_change_was_saved_is_used_once_but_not_remembered()
    {
        var cache = app.Factory.Services.GetRequiredService<AccessCache>();
        var reads = 0;
        var stale = new AccountAccess(true, false, "old", DataScope.Everything);
        var fresh = new AccountAccess(true, true, "new", DataScope.Nothing);
        var first = await cache.GetAsync(
            "someone",
            _ =>
            {
                reads++;
                cache.Forget("someone"); // a change lands while the old answer is on its way
                return Task.FromResult(stale);
            },
            default
        );
        Assert.Same(stale, first);
        var second = await cache.GetAsync(
            "someone",
            _ =>
            {
                reads++;
                return Task.FromResult(fresh);
            },
            default
        );
        Assert.Same(fresh, second);
        Assert.Equal(2, reads);
        Assert.Same(fresh, await cache.GetAsync("someone", _ => throw new InvalidOperationException("read again"), default));
    }

    private Task MoveAsync(string userName, Guid unit) =>
        app.Factory.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            user.OrgUnitId = unit;
            return await db.SaveChangesAsync();
        });

    private static async Task<List<Guid>> ResidentIdsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/residents?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
    }
}
