using System.Net;
using System.Reflection;
using Lianxin.Core.Audit;
using Lianxin.Tests.Support;
using Lianxin.Web.Access;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Audit;

/// <summary>Refused reads and writes leave a trace: who asked for what, a 404 for another station's record as well as a
/// 403; a burst from one account is bounded in the log and told to the security administrators once.</summary>
public sealed class RefusalAuditTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public void The_audit_page_offers_every_action()
    {
        var constants = typeof(AuditAction)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .Order();
        Assert.Equal(constants, AuditAction.All.Order());
        Assert.All(AuditAction.All, a => Assert.NotEqual(a, AuditAction.Label(a)));
    }

    [Fact]
    public async Task Another_stations_record_is_a_404_and_an_audit_line_naming_it()
    {
        var officer = await app.As("officer1");
        var theirs = app.World.ResidentIds["张三2"];
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/residents/{theirs}")).StatusCode);
        var officerId = app.World.UserIds["officer1"];
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Refused && a.UserId == officerId)
                .OrderByDescending(a => a.Seq)
                .FirstAsync()
        );
        Assert.Equal($"GET /api/v1/residents/{theirs}", line.EntityId);
        Assert.Contains("不在管辖范围内", line.Summary);
    }

    [Fact]
    public async Task A_burst_is_bounded_in_the_log_and_told_to_the_security_administrators_once()
    {
        var volunteer = await app.As("volunteer2");
        await app.As("secadmin");
        var volunteerId = app.World.UserIds["volunteer2"];
        var secadminId = app.World.UserIds["secadmin"];
        const int sent = 70;
        for (var i = 0; i < sent; i++)
            Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync("/api/v1/residents")).StatusCode);

        var lines = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == AuditAction.Refused && a.UserId == volunteerId)
        );
        // 70 refusals fall in one or two minutes: at most 30 lines in each, and the rest only counted.
        Assert.InRange(lines, RefusalAudit.PerMinute, 2 * RefusalAudit.PerMinute);
        var warnings = await app.Factory.WithDbAsync(db =>
            db.Notifications.CountAsync(n => n.UserId == secadminId && n.Title.Contains("volunteer2"))
        );
        Assert.InRange(warnings, 1, 2);
    }
}
