using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Audit;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lianxin.Tests.Audit;

public sealed class AuditLogSqliteTests(SqliteApp app) : AuditLogTests(app), IClassFixture<SqliteApp>;

public sealed class AuditLogPostgresTests(PostgresApp app) : AuditLogTests(app), IClassFixture<PostgresApp>;

public abstract class AuditLogTests(AppFixture app)
{
    [Fact]
    public async Task The_chain_verifies_and_an_edited_line_is_reported_as_the_first_broken_link()
    {
        var officer = await app.As("officer1");
        for (var i = 0; i < 3; i++)
            await officer.PostAsJsonAsync($"/api/v1/residents/{app.World.ResidentIds["李四1"]}/reveal", new { reason = $"第{i}次" });
        var auditor = await app.As("auditor");
        var ok = await ApiAssert.OkAsync<AuditChain.VerifyResult>(await auditor.GetAsync("/api/v1/audit/verify"));
        Assert.True(ok.Intact, ok.Reason);
        Assert.True(ok.Checked > 10);

        // A database superuser switches off the guard and rewrites history, bypassing the application.
        var target = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.Where(a => a.Action == AuditAction.Reveal).OrderBy(a => a.Seq).Select(a => a.Seq).FirstAsync()
        );
        await WithoutGuardAsync("UPDATE \"AuditEntries\" SET \"Summary\" = 'nothing happened' WHERE \"Seq\" = {0}", target);
        var broken = await ApiAssert.OkAsync<AuditChain.VerifyResult>(await auditor.GetAsync("/api/v1/audit/verify"));
        Assert.False(broken.Intact);
        Assert.Equal(target, broken.FirstBrokenSeq);

        // Put it back so other tests in this class see an intact chain.
        await WithoutGuardAsync(
            "UPDATE \"AuditEntries\" SET \"Summary\" = {0} WHERE \"Seq\" = {1}",
            "查看 李四1 的完整身份证号和电话；事由：第0次",
            target
        );
        Assert.True((await ApiAssert.OkAsync<AuditChain.VerifyResult>(await auditor.GetAsync("/api/v1/audit/verify"))).Intact);
    }

    [Fact]
    public async Task The_database_itself_refuses_to_rewrite_or_drop_recent_lines()
    {
        var seq = await app.Factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(a => a.Seq).Select(a => a.Seq).FirstAsync());
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            app.Factory.WithDbAsync(db =>
                db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Summary\" = 'x' WHERE \"Seq\" = {0}", seq)
            )
        );
        if (app.Factory.Database.Kind == DbKind.Postgres)
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
                app.Factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Seq\" = {0}", seq))
            );
    }

    private Task<int> WithoutGuardAsync(string sql, params object[] args) =>
        app.Factory.WithDbAsync(async db =>
        {
            var postgres = app.Factory.Database.Kind == DbKind.Postgres;
            await db.Database.ExecuteSqlRawAsync(
                postgres
                    ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_append_only\""
                    : "DROP TRIGGER \"AuditEntries_no_update\""
            );
            var n = await db.Database.ExecuteSqlRawAsync(sql, args);
            await db.Database.ExecuteSqlRawAsync(
                postgres
                    ? "ALTER TABLE \"AuditEntries\" ENABLE TRIGGER \"AuditEntries_append_only\""
                    : "CREATE TRIGGER \"AuditEntries_no_update\" BEFORE UPDATE ON \"AuditEntries\" "
                        + "BEGIN SELECT RAISE(ABORT, 'AuditEntries is append-only'); END;"
            );
            return n;
        });

    [Fact]
    public async Task A_removed_line_is_found_as_a_gap()
    {
        var entries = await app.Factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).ToListAsync());
        var copy = entries.Where(e => e.Seq != entries[^2].Seq).ToList();
        var result = await AuditChain.VerifyAsync(copy.ToAsyncEnumerable());
        Assert.False(result.Intact);
        Assert.Equal(entries[^1].Seq, result.FirstBrokenSeq);
    }

    [Fact]
    public async Task The_log_cannot_be_edited_through_the_application()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            app.Factory.WithDbAsync(async db =>
            {
                var line = await db.AuditEntries.OrderBy(a => a.Seq).FirstAsync();
                line.Summary = "changed";
                return await db.SaveChangesAsync();
            })
        );
    }

    [Fact]
    public async Task The_auditor_filters_by_user_and_action_and_exports_with_the_export_itself_logged()
    {
        var leader = await app.As("leader1");
        await leader.GetAsync("/api/v1/residents/export");
        var auditor = await app.As("auditor");
        var page = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<Lianxin.Web.Audit.AuditLine>>(
            await auditor.GetAsync($"/api/v1/audit?user={app.World.UserIds["leader1"]}&action=export")
        );
        Assert.NotEmpty(page.Items);
        Assert.All(page.Items, l => Assert.Equal(AuditAction.Export, l.Action));
        var file = await auditor.GetAsync("/api/v1/audit/export?action=sign-in");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        // Record types are named as the audit page names them, not by their code names.
        var exported = await auditor.GetAsync("/api/v1/audit/export?action=export");
        var types = new MemoryStream(await exported.Content.ReadAsByteArrayAsync())
            .Query(useHeaderRow: true)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r["对象类型"]?.ToString())
            .ToList();
        Assert.Contains("群众", types);
        Assert.DoesNotContain("Resident", types);
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.UserId == app.World.UserIds["auditor"])
            )
        );
    }

    [Fact]
    public async Task Sign_ins_are_logged_with_the_address_they_came_from()
    {
        await TestWorld.ClientAsync(app.Factory, "volunteer1");
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.SignIn && a.UserId == app.World.UserIds["volunteer1"])
                .OrderByDescending(a => a.Seq)
                .FirstAsync()
        );
        Assert.Equal("volunteer1（volunteer1）", line.UserName);
    }
}
