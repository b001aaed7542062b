using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Disputes;

public sealed class DisputeTallySqliteTests(SqliteApp app) : DisputeTallyTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeTallyPostgresTests(PostgresApp app) : DisputeTallyTests(app), IClassFixture<PostgresApp>;

/// <summary>The daily tallies against the ledger's rules: disputes with random histories (reopened,
/// referred twice, resolved at every level, by a referral's receiver, failed, withdrawn) are saved step
/// by step as the services save them, many to a save; then every figure of every period and unit counted
/// from the tallies must equal the direct count, and the stored tallies must equal a rebuild from the
/// timelines.</summary>
public abstract class DisputeTallyTests(AppFixture app)
{
    private const string By = "seed";

    [Fact]
    public async Task Tallies_kept_on_every_save_give_the_direct_counts_and_equal_a_rebuild()
    {
        var rng = new Random(20261126);
        var units = new[] { app.World.Villages[0].Id, app.World.Grids[0].Id, app.World.Villages[1].Id, app.World.Grids[1].Id };
        var ids = new List<Guid>();
        var clock = new Dictionary<Guid, DateTimeOffset>();
        var budget = new Dictionary<Guid, int>();

        await app.Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 120; i++)
            {
                var at = new DateTimeOffset(2024, 1, 1, 9, 0, 0, DisputeTestData.China)
                    .AddDays(rng.Next(0, 640))
                    .AddHours(rng.Next(0, 14))
                    .ToUniversalTime();
                var d = Dispute.Register(
                    DisputeTestData.Form() with
                    {
                        Number = $"JF-TLY-{i:D4}-{Guid.NewGuid().ToString("N")[..6]}",
                        OrgUnitId = units[rng.Next(units.Length)],
                    },
                    By,
                    at
                );
                d.Triage(DisputeJurisdiction.PoliceSimple, By, at);
                db.Disputes.Add(d);
                ids.Add(d.Id);
                clock[d.Id] = at;
                budget[d.Id] = rng.Next(2, 16);
            }
            await db.SaveChangesAsync();
            return true;
        });

        // Rounds of steps, each round one save over many disputes: the difference of every dispute touched
        // lands in one transaction, several of them on the same unit and day.
        for (var round = 0; round < 16; round++)
        {
            await app.Factory.WithDbAsync(async db =>
            {
                // In the order they were made, so the random histories do not depend on the database's order.
                var disputes = (await db.Disputes.Where(d => ids.Contains(d.Id)).ToListAsync()).OrderBy(d => ids.IndexOf(d.Id)).ToList();
                var referrals = await db.Referrals.Where(r => ids.Contains(r.DisputeId)).ToListAsync();
                foreach (var d in disputes)
                {
                    for (var s = rng.Next(0, 3); s > 0 && budget[d.Id] > 0; s--)
                    {
                        budget[d.Id]--;
                        var at = clock[d.Id] = clock[d.Id].AddHours(rng.Next(1, 24 * 25));
                        var referral = referrals.Where(r => r.DisputeId == d.Id).OrderBy(r => r.ReferredAt).LastOrDefault();
                        var made = Step(d, referral, at, rng);
                        if (made is not null)
                        {
                            db.Referrals.Add(made);
                            referrals.Add(made);
                        }
                    }
                }
                await db.SaveChangesAsync();
                return true;
            });
        }

        // Escalating to the county centre is rare in random histories: a few disputes resolved there for certain.
        await app.Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 4; i++)
            {
                var at = new DateTimeOffset(2024, 3, 1, 9, 0, 0, DisputeTestData.China).AddDays(97 * i).ToUniversalTime();
                var d = Dispute.Register(
                    DisputeTestData.Form() with
                    {
                        Number = $"JF-TLY-C{i}-{Guid.NewGuid().ToString("N")[..6]}",
                        OrgUnitId = units[i % units.Length],
                    },
                    By,
                    at
                );
                d.Triage(DisputeJurisdiction.PoliceSimple, By, at);
                d.StartMediation(MediationLevel.PoliceOffice, By, at.AddDays(1));
                d.Escalate(MediationLevel.County, By, at.AddDays(5), "联调未成");
                d.Resolve(By, at.AddDays(20 + i));
                db.Disputes.Add(d);
                ids.Add(d.Id);
            }
            await db.SaveChangesAsync();
            return true;
        });

        var histories = await app.Factory.WithDbAsync(db =>
            db.Disputes.AsNoTracking()
                .Where(d => ids.Contains(d.Id))
                .Select(d => new
                {
                    d.ReopenCount,
                    d.ReferralCount,
                    Resolutions = d.Events.Count(e => e.Kind == DisputeEventKind.Resolved),
                })
                .ToListAsync()
        );
        var shape =
            $"{histories.Count(h => h.ReopenCount > 0)} reopened, {histories.Count(h => h.ReferralCount > 1)} referred twice, "
            + $"{histories.Count(h => h.Resolutions > 1)} resolved twice";
        // The random histories must reach the cases the tallies leave to the timelines.
        Assert.True(histories.Any(h => h.ReopenCount > 0 && h.Resolutions > 1), shape);
        Assert.True(histories.Any(h => h.ReferralCount > 1), shape);
        Assert.True(histories.Any(h => h.ReopenCount == 0 && h.Resolutions == 1), shape);

        var periods = new List<ChinaPeriod>
        {
            new(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            new(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            new(new DateOnly(2024, 6, 15), new DateOnly(2025, 2, 3)),
            // Longer than a year: it overlaps the year before it, which the figures sum in the same statement.
            new(new DateOnly(2024, 3, 1), new DateOnly(2025, 10, 31)),
        };
        for (var i = 0; i < 5; i++)
        {
            var from = new DateOnly(2024, 1, 1).AddDays(rng.Next(0, 700));
            periods.Add(new ChinaPeriod(from, from.AddDays(rng.Next(0, 200))));
        }
        var scopes = new (DataScope Scope, Guid? Unit)[]
        {
            (new DataScope(true, [], [], null), null),
            (new DataScope(true, [], [], null), app.World.Stations[0].Id),
            (new DataScope(false, [app.World.Stations[0].Path], [], null), app.World.Villages[0].Id),
            (new DataScope(false, [app.World.Stations[1].Path], [], null), null),
            (new DataScope(false, [], [app.World.Grids[0].Id, app.World.Villages[1].Id], null), null),
        };
        var compared = 0;
        var atLevel4 = 0;
        var acknowledged = 0;
        foreach (var (scope, unit) in scopes)
        {
            foreach (var period in periods)
            {
                var (both, direct, directBefore) = await app.Factory.WithDbAsync(async db =>
                {
                    var figures = new DisputeFigureService(db, new ScopedUser(scope));
                    return (
                        await figures.GetAsync(unit, period.From, period.To),
                        await figures.GetDirectAsync(unit, period),
                        await figures.GetDirectAsync(unit, period.YearEarlier())
                    );
                });
                foreach (var (tallied, counted) in new[] { (both.Current, direct), (both.PreviousYear, directBefore) })
                {
                    foreach (var figure in Enum.GetValues<DisputeFigure>())
                        Assert.True(
                            counted.Count(figure) == tallied.Count(figure),
                            $"{figure} {tallied.Period.From}–{tallied.Period.To} unit {unit}: direct {counted.Count(figure)}, "
                                + $"tallied {tallied.Count(figure)}"
                        );
                    Assert.Equal(counted.AverageDaysToResolve, tallied.AverageDaysToResolve);
                }
                compared += direct.Resolved;
                atLevel4 += direct.ResolvedAtLevel4;
                acknowledged += direct.ReferralAcknowledged;
            }
        }
        Assert.True(compared > 50, $"the comparison should cover many resolutions, saw {compared}");
        Assert.True(atLevel4 > 0 && acknowledged > 0, $"level 4 resolutions {atLevel4}, acknowledged referrals {acknowledged}");

        // What the saves kept equals what a rebuild counts from the timelines.
        var kept = await Rows();
        await app.Factory.WithScopeAsync(async sp =>
        {
            await DisputeTallyRollup.RebuildAsync(sp.GetRequiredService<LianxinDbContext>(), sp.GetRequiredService<IBulkWriter>());
            return true;
        });
        var rebuilt = await Rows();
        Assert.Equal(rebuilt, kept);
    }

    [Fact]
    public async Task A_failed_save_leaves_the_tallies_as_they_were()
    {
        var unit = app.World.Villages[0].Id;
        var at = new DateTimeOffset(2023, 5, 6, 10, 0, 0, DisputeTestData.China).ToUniversalTime();
        var id = await app.Factory.WithDbAsync(async db =>
        {
            var d = Dispute.Register(
                DisputeTestData.Form() with
                {
                    Number = $"JF-TLY-F-{Guid.NewGuid():N}"[..20],
                    OrgUnitId = unit,
                },
                By,
                at
            );
            d.Triage(DisputeJurisdiction.PoliceSimple, By, at);
            d.StartMediation(MediationLevel.HouseholdHead, By, at);
            db.Disputes.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });
        var before = await Rows();

        // Two editors load the same version; the second save is refused as stale, and its resolution
        // must not reach the tallies.
        await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() =>
            app.Factory.WithDbAsync(async db =>
            {
                var mine = await db.Disputes.SingleAsync(d => d.Id == id);
                await app.Factory.WithDbAsync(async other =>
                {
                    var theirs = await other.Disputes.SingleAsync(d => d.Id == id);
                    theirs.Escalate(MediationLevel.Village, By, at.AddDays(1), "初调未成");
                    await other.SaveChangesAsync();
                    return true;
                });
                mine.Resolve(By, at.AddDays(2));
                await db.SaveChangesAsync();
                return true;
            })
        );
        Assert.Equal(before, await Rows());

        var day = ChinaTime.Day(at);
        var row = (await Rows()).Single(r => r.OrgUnitId == unit && r.Day == day);
        Assert.Equal(1, row.Accepted);
        Assert.Equal(0, row.Resolved);
    }

    [Fact]
    public async Task Start_up_rebuilds_tallies_that_are_missing_or_built_by_older_rules_and_leaves_current_ones_alone()
    {
        var unit = app.World.Grids[1].Id;
        var at = new DateTimeOffset(2022, 8, 9, 10, 0, 0, DisputeTestData.China).ToUniversalTime();
        await app.Factory.WithDbAsync(async db =>
        {
            var d = Dispute.Register(
                DisputeTestData.Form() with
                {
                    Number = $"JF-TLY-S-{Guid.NewGuid():N}"[..20],
                    OrgUnitId = unit,
                },
                By,
                at
            );
            d.Triage(DisputeJurisdiction.PoliceSimple, By, at);
            d.StartMediation(MediationLevel.HouseholdHead, By, at);
            d.Resolve(By, at.AddDays(1));
            db.Disputes.Add(d);
            await db.SaveChangesAsync();
            return true;
        });
        var kept = await Rows();
        Assert.Contains(kept, r => r.OrgUnitId == unit && r.Day == ChinaTime.Day(at) && r.Accepted == 1 && r.AcceptedResolved == 1);

        // As a database upgraded from before the tallies: no rows, no recorded version.
        await app.Factory.WithDbAsync(async db =>
        {
            await db.DisputeTallies.ExecuteDeleteAsync();
            await db.RollupStates.ExecuteDeleteAsync();
            return true;
        });
        Assert.True(await EnsureCurrentAsync());
        Assert.Equal(kept, await Rows());
        var state = await app.Factory.WithDbAsync(db =>
            db.RollupStates.AsNoTracking().SingleAsync(s => s.Name == DisputeTallyRollup.RollupName)
        );
        Assert.Equal(DisputeTallyRollup.Version, state.Version);

        // Current rules: nothing to do. Older rules: rebuilt.
        Assert.False(await EnsureCurrentAsync());
        await app.Factory.WithDbAsync(db =>
            db.RollupStates.ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, DisputeTallyRollup.Version - 1))
        );
        Assert.True(await EnsureCurrentAsync());
        Assert.Equal(kept, await Rows());
    }

    private Task<bool> EnsureCurrentAsync() =>
        app.Factory.WithScopeAsync(sp =>
            DisputeTallyRollup.EnsureCurrentAsync(sp.GetRequiredService<LianxinDbContext>(), sp.GetRequiredService<IBulkWriter>())
        );

    [Fact]
    public void A_dispute_adds_its_registration_and_resolutions_and_once_reopened_and_resolved_again_counts_once_in_any_period()
    {
        var unit = Guid.NewGuid();
        var at = new DateTimeOffset(2025, 3, 1, 23, 30, 0, DisputeTestData.China); // 15:30 UTC, still the 1st in China
        var d = Dispute.Register(DisputeTestData.Form() with { OrgUnitId = unit }, By, at);
        d.Triage(DisputeJurisdiction.PoliceSimple, By, at);
        d.StartMediation(MediationLevel.Village, By, at.AddHours(1));
        d.Resolve(By, at.AddDays(3));

        var resolved = DisputeTallyRollup.Contribution(unit, d.RegisteredAt, d.Events);
        var registered = Assert.Single(resolved, t => t.Day == new DateOnly(2025, 3, 1));
        Assert.Equal((1, 1, 0), (registered.Accepted, registered.AcceptedResolved, registered.Resolved));
        var resolution = Assert.Single(resolved, t => t.Day == new DateOnly(2025, 3, 4));
        Assert.Equal(
            (0, 1, 0, 1, 0),
            (resolution.Accepted, resolution.Resolved, resolution.ResolvedLevel1, resolution.ResolvedLevel2, resolution.ResolvedLevel3)
        );
        Assert.Equal((long)TimeSpan.FromDays(3).TotalMilliseconds, resolution.MillisecondsToResolve);

        // Reopened, the resolution no longer counts as "accepted and resolved" and counts as a recurrence.
        d.Reopen(By, at.AddDays(10), "复发");
        var reopened = DisputeTallyRollup.Contribution(unit, d.RegisteredAt, d.Events);
        Assert.Equal((1, 0), (reopened.Sum(t => t.Accepted), reopened.Sum(t => t.AcceptedResolved)));
        var recurred = Assert.Single(reopened, t => t.Day == new DateOnly(2025, 3, 4));
        Assert.Equal((1, 1, 1), (recurred.Resolved, recurred.ResolvedLevel2, recurred.Recurred));
        Assert.Equal((DateOnly.MinValue, DateOnly.MaxValue), (recurred.PreviousDay, recurred.NextDay));

        // Resolved again, higher: each resolution's rows name the other's day, so a period holding both counts
        // the dispute once, at the higher level, with the time to the later resolution.
        d.StartMediation(MediationLevel.PoliceOffice, By, at.AddDays(11));
        d.Resolve(By, at.AddDays(12));
        var twice = DisputeTallyRollup.Contribution(unit, d.RegisteredAt, d.Events);
        var (first, second) = (new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 13));
        Assert.Equal(1, twice.Sum(t => t.AcceptedResolved));
        Assert.Equal(1, Assert.Single(twice, t => t.Day == second && t.PreviousDay == first && t.Resolved == 1).Resolved);
        Assert.Equal(1, Assert.Single(twice, t => t.Day == first && t.NextDay == second && t.ResolvedLevel2 == 1).ResolvedLevel2);
        Assert.Equal(1, Assert.Single(twice, t => t.Day == second && t.ResolvedLevel3 == 1).ResolvedLevel3);
        Assert.Equal(
            (long)TimeSpan.FromDays(3).TotalMilliseconds,
            Assert.Single(twice, t => t.Day == first && t.NextDay == second && t.MillisecondsToResolve > 0).MillisecondsToResolve
        );
        foreach (
            var (from, to) in new[]
            {
                (first, first),
                (second, second),
                (first, second),
                (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            }
        )
            AssertSameAsTimeline(d.RegisteredAt, d.Events.ToList(), twice, new ChinaPeriod(from, to));
    }

    [Fact]
    public void Rows_of_random_reopened_and_twice_referred_timelines_summed_over_any_period_give_the_timelines_figures()
    {
        var rng = new Random(20261207);
        var timelines = new List<(DateTimeOffset RegisteredAt, List<DisputeEvent> Events, IReadOnlyList<DisputeTally> Rows)>();
        for (var i = 0; i < 400; i++)
        {
            var at = new DateTimeOffset(2025, 1, 1, 9, 0, 0, DisputeTestData.China).AddDays(rng.Next(0, 60)).AddHours(rng.Next(0, 14));
            var d = Dispute.Register(DisputeTestData.Form() with { OrgUnitId = Guid.NewGuid() }, By, at);
            d.Triage(DisputeJurisdiction.PoliceSimple, By, at);
            Referral? referral = null;
            for (var s = rng.Next(4, 30); s > 0; s--)
            {
                // Steps hours to days apart: several of a kind fall on one day, in one short period, or far apart.
                at = at.AddHours(rng.Next(1, 24 * 6));
                referral = Step(d, referral, at, rng) ?? referral;
            }
            timelines.Add((d.RegisteredAt, d.Events.ToList(), DisputeTallyRollup.Contribution(d.OrgUnitId, d.RegisteredAt, d.Events)));
        }
        var reopenedTwiceResolved = timelines.Count(t =>
            t.Events.Any(e => e.Kind == DisputeEventKind.Reopened)
            && t.Events.Count(e => DisputeFigureRules.IsResolution(e.Kind, e.ToStatus)) > 1
        );
        var referredTwice = timelines.Count(t => t.Events.Count(e => e.Kind == DisputeEventKind.Referred) > 1);
        Assert.True(
            reopenedTwiceResolved > 20 && referredTwice > 5,
            $"{reopenedTwiceResolved} resolved twice, {referredTwice} referred twice"
        );

        var start = new DateOnly(2025, 1, 1);
        for (var p = 0; p < 300; p++)
        {
            var from = start.AddDays(rng.Next(0, 200));
            var period = new ChinaPeriod(from, from.AddDays(rng.Next(0, p % 3 == 0 ? 3 : 90)));
            foreach (var (registeredAt, events, rows) in timelines)
                AssertSameAsTimeline(registeredAt, events, rows, period);
        }
    }

    /// <summary>The rows a dispute adds that count in the period, summed, against the figures its timeline gives.</summary>
    private static void AssertSameAsTimeline(
        DateTimeOffset registeredAt,
        IReadOnlyList<DisputeEvent> events,
        IReadOnlyList<DisputeTally> rows,
        ChinaPeriod period
    )
    {
        var expected = DisputeFigureRules.Tally(registeredAt, events, period);
        var counted = rows.Where(t => t.Day >= period.From && t.Day <= period.To && t.PreviousDay < period.From && t.NextDay > period.To)
            .ToList();
        int Sum(Func<DisputeTally, int> column) => counted.Sum(column);
        var level = (Sum(t => t.ResolvedLevel1), Sum(t => t.ResolvedLevel2), Sum(t => t.ResolvedLevel3), Sum(t => t.ResolvedLevel4));
        var actual = (
            Accepted: Sum(t => t.Accepted),
            AcceptedResolved: Sum(t => t.AcceptedResolved),
            Resolved: Sum(t => t.Resolved),
            Level: level,
            Referred: Sum(t => t.Referred),
            Recurred: Sum(t => t.Recurred),
            Milliseconds: counted.Sum(t => t.MillisecondsToResolve)
        );
        int F(DisputeFigure figure) => expected.Counts(figure) ? 1 : 0;
        var wanted = (
            Accepted: F(DisputeFigure.Accepted),
            AcceptedResolved: F(DisputeFigure.AcceptedResolved),
            Resolved: F(DisputeFigure.Resolved),
            Level: (
                F(DisputeFigure.ResolvedAtLevel1),
                F(DisputeFigure.ResolvedAtLevel2),
                F(DisputeFigure.ResolvedAtLevel3),
                F(DisputeFigure.ResolvedAtLevel4)
            ),
            Referred: F(DisputeFigure.Referred),
            Recurred: F(DisputeFigure.Recurred),
            Milliseconds: expected.MillisecondsToResolve ?? 0
        );
        Assert.True(
            wanted == actual,
            $"{period.From}–{period.To}: timeline {wanted}, rows {actual}; "
                + string.Join(", ", events.Select(e => $"{e.Kind}/{e.ToStatus}/{e.ToLevel}@{ChinaTime.Day(e.At)}"))
        );
    }

    private Task<
        List<(
            Guid OrgUnitId,
            DateOnly Day,
            int Accepted,
            int AcceptedResolved,
            int Resolved,
            int L1,
            int L2,
            int L3,
            int L4,
            int Referred,
            int Recurred,
            long Ms,
            DateOnly PreviousDay,
            DateOnly NextDay
        )>
    > Rows() =>
        app.Factory.WithDbAsync(async db =>
            (await db.DisputeTallies.AsNoTracking().ToListAsync())
                .Select(t =>
                    (
                        t.OrgUnitId,
                        t.Day,
                        t.Accepted,
                        t.AcceptedResolved,
                        t.Resolved,
                        t.ResolvedLevel1,
                        t.ResolvedLevel2,
                        t.ResolvedLevel3,
                        t.ResolvedLevel4,
                        t.Referred,
                        t.Recurred,
                        t.MillisecondsToResolve,
                        t.PreviousDay,
                        t.NextDay
                    )
                )
                .Where(t => t != (t.OrgUnitId, t.Day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0L, t.PreviousDay, t.NextDay))
                .OrderBy(t => t.OrgUnitId)
                .ThenBy(t => t.Day)
                .ThenBy(t => t.PreviousDay)
                .ThenBy(t => t.NextDay)
                .ToList()
        );

    /// <summary>One random step the dispute's state allows; returns a referral the step created.</summary>
    private static Referral? Step(Dispute d, Referral? referral, DateTimeOffset at, Random rng)
    {
        var allowed = DisputeTransitions
            .Allowed(d.Status, d.Level)
            .Where(a =>
                a
                    is not (
                        DisputeAction.EditParties
                        or DisputeAction.ScheduleFollowUp
                        or DisputeAction.RecordFollowUp
                        or DisputeAction.Close
                        or DisputeAction.Triage
                    )
            )
            .ToList();
        // Ended disputes mostly stay ended; now and then they reopen.
        if (allowed.Contains(DisputeAction.Reopen) && d.Status != DisputeStatus.Referred && rng.Next(6) != 0)
            return null;
        if (allowed.Count == 0)
            return null;
        var action = allowed[rng.Next(allowed.Count)];
        switch (action)
        {
            case DisputeAction.StartMediation:
                d.StartMediation((MediationLevel)rng.Next(1, 4), By, at);
                break;
            case DisputeAction.Escalate:
                d.Escalate(d.Level!.Value + 1, By, at, "未成，上交");
                break;
            case DisputeAction.RecordFailedAttempt:
                d.RecordFailedAttempt(By, at, "未成");
                break;
            case DisputeAction.Resolve:
                d.Resolve(By, at);
                break;
            case DisputeAction.Refer:
                return d.ReferWithForm(DisputeTestData.ReferralForm(), ProtectedText.Empty, By, at);
            case DisputeAction.AcknowledgeReferral when referral is not null && referral.AcknowledgedAt is null:
                d.AcknowledgeReferral(referral, ReferralChannel.Staff, By, "张三", By, at);
                break;
            case DisputeAction.RecordReferralResult when referral is not null:
                var outcome = (ReferralOutcome)rng.Next(1, 4);
                d.RecordReferralResult(
                    referral,
                    outcome,
                    outcome == ReferralOutcome.Resolved ? null : "未能化解",
                    ReferralChannel.Staff,
                    By,
                    "张三",
                    By,
                    at
                );
                break;
            case DisputeAction.Fail:
                d.Fail(OtherRoutes.Court, By, at, "调解不成");
                break;
            case DisputeAction.Withdraw:
                d.Withdraw(By, at, "自行和解");
                break;
            case DisputeAction.Reopen:
                d.Reopen(By, at, "复发");
                break;
        }
        return null;
    }

    private sealed class ScopedUser(DataScope scope) : ICurrentUser
    {
        public string? UserId => "tally-test";
        public string UserName => "统计核对";
        public string? IpAddress => null;

        public bool Has(string permission) => true;

        public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(scope);
    }
}
