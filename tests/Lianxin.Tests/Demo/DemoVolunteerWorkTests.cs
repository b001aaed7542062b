using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Demo;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Core.Volunteers.Figures;
using Lianxin.Core.Volunteers.Honours;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Tests.Support;
using Lianxin.Web.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Demo;

public class DemoVolunteerWorkTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 2, 0, 0, TimeSpan.Zero);

    private static (DemoVolunteers.Data Volunteers, DemoVolunteerWork.Data Work) Build(
        int seed = DemoCounty.DefaultSeed,
        DateTimeOffset? at = null
    )
    {
        var now = at ?? Now;
        var protector = DemoTestSupport.Protector();
        var county = DemoCounty.Build(protector, residents: 500);
        var volunteers = DemoVolunteers.Build(county, protector, now, "volunteer-account");
        var accounts = new DemoVolunteerWork.Accounts(
            "officer-account",
            "李警官",
            "leader-account",
            "volunteer-account",
            "resident-account",
            "孙群众",
            ["volunteer-account", "resident-account", "officer-account", "leader-account"]
        );
        return (volunteers, DemoVolunteerWork.Build(county, volunteers, protector, now, accounts, new PointsOptions(), 10, seed));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(11)]
    [InlineData(12)]
    public void Activity_names_and_notices_fit_the_days_they_fall_on_whenever_the_demo_is_seeded(int month)
    {
        // Seeded on the 7th of each month: titles that name a festival, a term or a season must match their own day.
        var at = new DateTimeOffset(2026, month, 7, 2, 0, 0, TimeSpan.Zero);
        var (_, work) = Build(at: at);
        foreach (var a in work.Activities)
        {
            var day = ChinaTime.Day(a.StartsAt);
            var what = $"{a.Title}（{day:yyyy-MM-dd}）";
            if (a.Title.Contains("春节", StringComparison.Ordinal) || a.Title.Contains("元宵", StringComparison.Ordinal))
                Assert.True(day.Month is 1 or 2, what);
            if (a.Title.Contains("开学", StringComparison.Ordinal))
                Assert.True(day.Month is 3 or 9 && day.Day <= 10, what);
            if (a.Title.Contains("防溺水", StringComparison.Ordinal))
                Assert.True(day.Month is >= 5 and <= 8, what);
            if (a.Title.Contains("周末", StringComparison.Ordinal))
                Assert.True(day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, what);
            if (a.Kind == ActivityKind.SchoolGuard && !a.Title.Contains("假期", StringComparison.Ordinal))
                Assert.True(day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), what);
            if (a.CancelReason?.Contains("寒潮", StringComparison.Ordinal) == true)
                Assert.True(day.Month is >= 11 or <= 3, what);
            if (a.Status == ActivityStatus.Finished)
                Assert.True(a.EndsAt < at, what);
            else if (a.Status != ActivityStatus.Cancelled)
                Assert.True(a.StartsAt > at, what);
        }
        foreach (var post in work.Posts.Where(p => p.Title?.Contains("春节", StringComparison.Ordinal) == true))
            Assert.True(ChinaTime.Day(post.CreatedAt).Month is 12 or 1 or 2, post.Title);
    }

    [Fact]
    public void Finished_activities_are_credited_as_finishing_credits_them_and_upcoming_ones_have_sign_ups_and_a_wait_list()
    {
        var (volunteers, work) = Build();
        var active = volunteers.Volunteers.Where(v => v.Status == VolunteerStatus.Active).ToDictionary(v => v.Id);
        var finished = work.Activities.Where(a => a.Status == ActivityStatus.Finished).ToList();
        Assert.True(finished.Count >= 3);
        Assert.All(finished, a => Assert.True(a.EndsAt < Now && a.FinishedAt >= a.EndsAt));
        var rules = new PointsOptions();
        foreach (var a in finished)
        {
            var approved = a.Signups.Where(s => s.Status == SignupStatus.Approved).ToList();
            Assert.True(approved.Count <= a.Quota);
            Assert.Contains(approved, s => s.CheckedInAt is not null);
            foreach (var s in approved)
            {
                var minutes = ActivityRules.Minutes(a, s.CheckedInAt, s.CheckedOutAt);
                Assert.Equal(minutes, s.MinutesCredited);
                Assert.Equal(ActivityRules.Points(a.Kind, minutes, rules), s.PointsCredited);
                var credit = work.Credits.SingleOrDefault(c =>
                    c.Source == CreditSource.Activity && c.SourceId == a.Id && c.VolunteerId == s.VolunteerId
                );
                if (minutes == 0)
                    Assert.Null(credit);
                else
                {
                    Assert.NotNull(credit);
                    Assert.Equal(
                        (minutes, s.PointsCredited!.Value, a.EndsAt, active[s.VolunteerId].OrgUnitId),
                        (credit.Minutes, credit.Points, credit.At, credit.OrgUnitId)
                    );
                }
            }
            // Nobody but the approved is credited.
            Assert.All(work.Credits.Where(c => c.SourceId == a.Id), c => Assert.Contains(approved, s => s.VolunteerId == c.VolunteerId));
        }
        Assert.Contains(finished.SelectMany(a => a.Signups), s => s.Status == SignupStatus.Approved && s.CheckedInAt is null);
        // Someone came late or left early and is credited only the time they were there.
        Assert.Contains(finished, a =>
            a.Signups.Any(s => s.MinutesCredited is > 0 && s.MinutesCredited < (int)(a.EndsAt - a.StartsAt).TotalMinutes)
        );

        var reported = Assert.Single(work.Activities, a => a.ReportPostId is not null);
        var report = Assert.Single(work.Posts, p => p.Id == reported.ReportPostId);
        Assert.Equal((FeedPostKind.ActivityReport, reported.Id), (report.Kind, report.ActivityId));
        Assert.Equal(ActivityStatus.Finished, reported.Status);

        var upcoming = work.Activities.Where(a => a.Status == ActivityStatus.Published).ToList();
        Assert.NotEmpty(upcoming);
        Assert.All(upcoming, a => Assert.True(a.StartsAt > Now));
        Assert.All(upcoming, a => Assert.True(a.Signups.Count(s => s.Holds) <= a.Quota));
        var full = Assert.Single(upcoming, a => a.Signups.Any(s => s.Status == SignupStatus.Waitlisted));
        Assert.Equal(full.Quota, full.Signups.Count(s => s.Holds));
        Assert.Equal(
            Enumerable.Range(1, full.Signups.Count(s => s.Status == SignupStatus.Waitlisted)),
            full.Signups.Where(s => s.Status == SignupStatus.Waitlisted).Select(s => s.WaitPosition!.Value).Order()
        );
        Assert.Contains(upcoming.SelectMany(a => a.Signups), s => s.Status == SignupStatus.Pending);
        Assert.Contains(work.Activities, a => a.Status == ActivityStatus.Draft);
        Assert.Contains(work.Activities, a => a.Status == ActivityStatus.Cancelled && a.CancelReason is not null);
        Assert.All(work.Activities.Where(a => a.Status == ActivityStatus.Cancelled).SelectMany(a => a.Signups), s =>
            Assert.Equal(SignupStatus.Cancelled, s.Status)
        );

        // Stored times are UTC (PostgreSQL takes nothing else).
        Assert.All(work.Activities, a => Assert.Equal(TimeSpan.Zero, a.StartsAt.Offset));
        Assert.All(work.Credits, c => Assert.Equal(TimeSpan.Zero, c.At.Offset));
        Assert.All(work.Trainings, t => Assert.Equal(TimeSpan.Zero, t.StartsAt.Offset));

        // Every sign-up is an active volunteer's, and nobody holds two places at overlapping times.
        Assert.All(work.Signups, s => Assert.Contains(s.VolunteerId, active.Keys));
        var holding = work
            .Activities.SelectMany(a => a.Signups.Where(s => s.Holds || s.MinutesCredited > 0).Select(s => (s.VolunteerId, a)))
            .ToList();
        foreach (var (v, a) in holding)
            Assert.DoesNotContain(holding, h =>
                h.VolunteerId == v && h.a != a && ActivityRules.Overlaps(a.StartsAt, a.EndsAt, h.a.StartsAt, h.a.EndsAt)
            );
        // The demo volunteer account has its own history and a place on what is coming.
        var own = volunteers.Volunteers.Single(v => v.UserId == "volunteer-account");
        Assert.Contains(work.Credits, c => c.VolunteerId == own.Id && c.Source == CreditSource.Activity);
        Assert.Contains(upcoming.SelectMany(a => a.Signups), s => s.VolunteerId == own.Id);
    }

    [Fact]
    public void Tips_feed_and_trainings_cover_each_state_and_the_ledger_holds_exactly_what_was_earned()
    {
        var (volunteers, work) = Build();
        Assert.All(Enum.GetValues<TipStatus>(), s => Assert.Contains(work.Tips, t => t.Status == s));
        Assert.Equal(work.Tips.Count, work.Tips.Select(t => t.Number).Distinct().Count());
        Assert.All(work.Tips, t => Assert.Matches(@"^XS-\d{4}-\d{5}$", t.Number));
        var anonymous = Assert.Single(work.Tips, t => t.IsAnonymous);
        Assert.Equal(TipStatus.Closed, anonymous.Status);
        Assert.NotNull(anonymous.Feedback);
        Assert.Null(anonymous.SenderUserId);
        Assert.Null(anonymous.SenderName);
        Assert.Null(anonymous.SenderVolunteerId);
        Assert.Equal(Tip.AnonymousCreator, anonymous.CreatedById);
        Assert.Equal(DemoTestSupport.Protector().BlindIndex("tip-owner:resident-account"), anonymous.OwnerKey);
        var codes = Lianxin
            .Core.Dictionaries.DictionaryDefaults.Items.Where(i => i.Category == TipService.CategoryDictionary)
            .Select(i => i.Code)
            .ToHashSet();
        Assert.All(work.Tips, t => Assert.Contains(t.CategoryCode, codes));
        // Acted-on tips of the volunteer, and only those, earn the tip points once.
        var creditedTips = work
            .Tips.Where(t => t.SenderVolunteerId is not null && t.Status is TipStatus.ActedOn or TipStatus.Closed)
            .Select(t => t.Id)
            .Order()
            .ToList();
        Assert.NotEmpty(creditedTips);
        Assert.Equal(creditedTips, work.Credits.Where(c => c.Source == CreditSource.Tip).Select(c => c.SourceId!.Value).Order());
        Assert.All(work.Credits.Where(c => c.Source == CreditSource.Tip), c => Assert.Equal((0, 10), (c.Minutes, c.Points)));

        var opinions = work.Posts.Where(p => p.Kind == FeedPostKind.Opinion).ToList();
        Assert.Contains(opinions, p => p.AssignedToUserId is null && !p.Hidden);
        Assert.Contains(opinions, p => p.AssignedToUserId is not null && p.Answer is null);
        Assert.Contains(opinions, p => p.Answer is not null && p.ClosedAt is null);
        Assert.Contains(opinions, p => p.ClosedAt is not null);
        Assert.Contains(opinions, p => p.Hidden && p.HiddenReason is not null);
        Assert.True(work.Posts.Count(p => p.Kind == FeedPostKind.Notice) >= 2);
        Assert.All(work.Comments, c => Assert.Contains(work.Posts, p => p.Id == c.PostId && !p.Hidden));
        Assert.NotEmpty(work.Likes);
        Assert.Equal(work.Likes.Count, work.Likes.Select(l => (l.PostId, l.UserId)).Distinct().Count());

        var held = work.Trainings.Where(t => t.StartsAt < Now).ToList();
        Assert.True(held.Count >= 2);
        Assert.Contains(work.Trainings, t => t.StartsAt > Now);
        foreach (var session in held)
        {
            var attended = work.Attendances.Where(a => a.SessionId == session.Id && a.Attended).Select(a => a.VolunteerId).Order().ToList();
            Assert.NotEmpty(attended);
            Assert.Equal(
                attended,
                work.Credits.Where(c => c.Source == CreditSource.Training && c.SourceId == session.Id).Select(c => c.VolunteerId).Order()
            );
            Assert.All(work.Credits.Where(c => c.SourceId == session.Id), c =>
                Assert.Equal((session.Minutes, session.Points), (c.Minutes, c.Points))
            );
        }
        Assert.Contains(work.Attendances, a => !a.Attended);
        var certificates = work.Attendances.Where(a => a.Passed).Select(a => a.CertificateNumber).ToList();
        Assert.All(certificates, c => Assert.NotNull(c));
        Assert.Equal(certificates.Count, certificates.Distinct().Count());
        Assert.All(work.Attendances.Where(a => !a.Passed), a => Assert.Null(a.CertificateNumber));

        // Everything is the demo station's, and the same seed builds the same work.
        var ids = volunteers.Volunteers.Select(v => v.Id).ToHashSet();
        Assert.All(work.Credits, c => Assert.Contains(c.VolunteerId, ids));
        var again = Build().Work;
        Assert.Equal(
            work.Activities.Select(a => (a.Title, a.StartsAt, a.Signups.Count)),
            again.Activities.Select(a => (a.Title, a.StartsAt, a.Signups.Count))
        );
        Assert.Equal(work.Credits.Select(c => (c.Minutes, c.Points, c.At)), again.Credits.Select(c => (c.Minutes, c.Points, c.At)));
        Assert.Equal(work.Tips.Select(t => (t.Number, t.Status)), again.Tips.Select(t => (t.Number, t.Status)));
    }
}

public sealed class DemoVolunteerWorkSeedSqliteTests : DemoVolunteerWorkSeedTests
{
    [Fact]
    public Task The_seeded_demo_gives_figures_and_a_ranking_that_match_its_ledger() => RunAsync(DbKind.Sqlite);
}

public sealed class DemoVolunteerWorkSeedPostgresTests : DemoVolunteerWorkSeedTests
{
    [PostgresFact]
    public Task The_seeded_demo_gives_figures_and_a_ranking_that_match_its_ledger() => RunAsync(DbKind.Postgres);
}

/// <summary>Seeds the whole demo (small) into an empty database, then reads the volunteer figures and the yearly
/// ranking as the demo station leader and checks them against what the demo put in the ledger.</summary>
public abstract class DemoVolunteerWorkSeedTests
{
    protected static async Task RunAsync(DbKind kind)
    {
        await using var factory = new LianxinFactory(kind);
        _ = factory.Server;
        await factory.WithScopeAsync(async sp => await DemoSeeder.SeedAsync(sp, residents: 300, disputes: 10, incidentCount: 10));
        await factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            var leader = (await users.FindByNameAsync("leader"))!;
            await users.RemovePasswordAsync(leader);
            await users.AddPasswordAsync(leader, TestWorld.Password);
            leader.MustChangePassword = false;
            leader.PasswordChangedAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(leader);
            return true;
        });
        var client = await TestWorld.ClientAsync(factory, "leader");

        var ledger = await factory.WithDbAsync(db => db.VolunteerCredits.AsNoTracking().ToListAsync());
        var (station, activities, reported, tips, opinions) = await factory.WithDbAsync(async db =>
            (
                await db
                    .OrgUnits.AsNoTracking()
                    .Where(u => u.Id == db.Squads.Select(s => s.OrgUnitId).First())
                    .Select(u => u.Id)
                    .SingleAsync(),
                await db.Activities.AsNoTracking().CountAsync(),
                await db.Activities.AsNoTracking().CountAsync(a => a.ReportPostId != null && db.FeedPosts.Any(p => p.Id == a.ReportPostId)),
                await db.Tips.AsNoTracking().CountAsync(),
                await db.FeedPosts.AsNoTracking().CountAsync(p => p.Kind == FeedPostKind.Opinion)
            )
        );
        Assert.True(activities >= 5);
        Assert.Equal(1, reported);
        Assert.True(tips >= 5);
        Assert.True(opinions >= 4);
        Assert.Contains(ledger, c => c.Source == CreditSource.Activity);
        Assert.Contains(ledger, c => c.Source == CreditSource.Training);
        Assert.Contains(ledger, c => c.Source == CreditSource.Tip);

        // The figures over the whole span of the demo add up to the ledger.
        var from = ledger.Min(c => ChinaTime.Day(c.At));
        var to = ChinaTime.Day(DateTimeOffset.UtcNow);
        var figures = await ApiAssert.OkAsync<VolunteerFigures>(
            await client.GetAsync($"/api/v1/volunteers/figures?orgUnitId={station}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")
        );
        var total = figures.Total;
        Assert.Equal(ledger.Sum(c => (long)c.Minutes), total.Minutes);
        Assert.Equal(ledger.Sum(c => (long)c.Points), total.Points);
        Assert.Equal(ledger.Where(c => c.Source == CreditSource.Activity).Select(c => c.SourceId).Distinct().Count(), total.Activities);
        Assert.Equal(ledger.Count(c => c.Source == CreditSource.Activity), total.ActivityTurns);
        Assert.Equal(ledger.Count(c => c.Source == CreditSource.Training), total.TrainingTurns);
        Assert.Equal(ledger.Count(c => c.Source == CreditSource.Tip), total.TipsCredited);

        // This year's ranking by hours is the ledger's totals of this year, in order.
        var year = to.Year;
        var expected = ledger
            .Where(c => ChinaTime.Day(c.At).Year == year)
            .GroupBy(c => c.VolunteerId)
            .Select(g => (Id: g.Key, Minutes: g.Sum(c => (long)c.Minutes), Points: g.Sum(c => (long)c.Points)))
            .Where(x => x.Minutes > 0 || x.Points > 0)
            .ToList();
        var ranking = await ApiAssert.OkAsync<RankingResult>(
            await client.GetAsync($"/api/v1/volunteers/ranking?year={year}&by=Hours&pageSize=200")
        );
        Assert.Equal(expected.Count, ranking.Page.Total);
        foreach (var row in ranking.Page.Items)
        {
            var e = Assert.Single(expected, x => x.Id == row.VolunteerId);
            Assert.Equal((e.Minutes, e.Points), (row.Minutes, row.Points));
        }
        Assert.Equal(ranking.Page.Items.Select(r => r.Minutes).OrderDescending(), ranking.Page.Items.Select(r => r.Minutes));
        var top = expected.OrderByDescending(x => x.Minutes).ThenByDescending(x => x.Points).First();
        Assert.Equal(
            (1, top.Minutes, top.Points),
            (ranking.Page.Items[0].Rank, ranking.Page.Items[0].Minutes, ranking.Page.Items[0].Points)
        );

        // The demo is written into an empty database only: a second run changes nothing.
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            factory.WithScopeAsync(async sp => await DemoSeeder.SeedAsync(sp, residents: 300))
        );
        Assert.Equal(ledger.Count, await factory.WithDbAsync(db => db.VolunteerCredits.CountAsync()));
    }
}
