using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Demo;

public sealed class DemoSeedSqliteTests : DemoSeedTests
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class DemoSeedPostgresTests : DemoSeedTests
{
    protected override DbKind Kind => DbKind.Postgres;
}

/// <summary>The seeded demo has repeated-incident groups found by the intake's own check, and mediation agreements with
/// judicial confirmations whose numbers the app's counter carries on from.</summary>
public abstract class DemoSeedTests
{
    protected abstract DbKind Kind { get; }

    [Fact]
    public async Task The_demo_has_repeat_groups_and_agreements_and_the_next_agreement_number_follows_on()
    {
        await using var factory = new LianxinFactory(Kind);
        _ = factory.Server;
        await factory.WithScopeAsync(async sp => await DemoSeeder.SeedAsync(sp, residents: 2000, disputes: 600, incidentCount: 4000));

        var (groups, keyed, agreements, confirmed) = await factory.WithDbAsync(async db =>
            (
                await db.RepeatClusters.CountAsync(),
                await db.RepeatClusters.CountAsync(c => db.RepeatClusterKeys.Any(k => k.ClusterId == c.Id)),
                await db.MediationAgreements.Include(a => a.Parties).ToListAsync(),
                await db.MediationAgreements.CountAsync(a => a.JudicialResult == JudicialResult.Confirmed)
            )
        );
        Assert.True(groups > 0, "the demo shows repeated-incident groups");
        Assert.Equal(groups, keyed);
        Assert.NotEmpty(agreements);
        Assert.All(agreements, a => Assert.True(a.Parties.Count >= 2));
        Assert.True(confirmed > 0, "some agreements are confirmed by a court");

        // The next number drafted in the app for the busiest station this year is one past the demo's last.
        var newest = agreements.OrderByDescending(a => a.CreatedAt).First();
        var unit = await factory.WithDbAsync(db => db.Disputes.Where(d => d.Id == newest.DisputeId).Select(d => d.OrgUnitId).SingleAsync());
        var year = newest.CreatedAt.ToOffset(ChinaTime.Offset).Year;
        var prefix = newest.Number[..(newest.Number.IndexOf('第') + 1)];
        var last = agreements
            .Where(a => a.Number.StartsWith(prefix, StringComparison.Ordinal))
            .Max(a => int.Parse(a.Number[prefix.Length..^1], System.Globalization.CultureInfo.InvariantCulture));
        var next = await factory.WithDbAsync(db => AgreementNumbers.NextAsync(db, unit, newest.CreatedAt, default));
        Assert.Equal($"{prefix}{last + 1}号", next);
        Assert.StartsWith($"（{year}）", next);
    }
}
