using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Disputes;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Lianxin.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Disputes;

public sealed class DisputeReminderSqliteTests(SqliteApp app) : DisputeReminderTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeReminderPostgresTests(PostgresApp app) : DisputeReminderTests(app), IClassFixture<PostgresApp>;

/// <summary>Near-limit warnings and follow-up reminders, sent by the sweep at chosen moments: once each,
/// to the right people, and never across stations.</summary>
public abstract class DisputeReminderTests(AppFixture app)
{
    private async Task<DisputeDetail> NewTriagedAsync(HttpClient c, string title)
    {
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await c.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "Screening",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "两家因院墙滴水争吵",
                    parties = new object[] { new { role = "Applicant", name = "甲某" }, new { role = "Respondent", name = "乙某" } },
                }
            ),
            HttpStatusCode.Created
        );
        return await Act(
            c,
            d,
            new
            {
                action = "Triage",
                jurisdiction = "PoliceSimple",
                version = d.Summary.Version,
            }
        );
    }

    private static async Task<DisputeDetail> Act(HttpClient c, DisputeDetail d, object body) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));

    private Task<int> SweepAsync(DateTimeOffset now) =>
        app.Factory.WithScopeAsync(sp =>
            sp.GetServices<IReminderSource>().OfType<DisputeReminders>().Single().SendDueAsync(now, CancellationToken.None)
        );

    private Task<List<string>> InboxAsync(string user, string contains) =>
        app.Factory.WithDbAsync(db =>
            db.Notifications.AsNoTracking()
                .Where(n => n.UserId == app.World.UserIds[user] && n.Body != null && n.Body.Contains(contains))
                .Select(n => n.Title)
                .ToListAsync()
        );

    [Fact]
    public async Task A_dispute_nearing_its_limit_warns_its_handlers_once_and_again_only_after_a_reopen()
    {
        var officer = await app.As("officer1");
        var d = await NewTriagedAsync(officer, "院墙滴水纠纷（临期）");
        var start = d.Summary.LimitStartedAt!.Value;

        await SweepAsync(start.AddDays(10));
        Assert.Empty(await InboxAsync("officer1", d.Summary.Number));

        await SweepAsync(start.AddDays(27));
        var first = await InboxAsync("officer1", d.Summary.Number);
        Assert.Single(first);
        Assert.StartsWith("纠纷调解临期", first[0]);
        await SweepAsync(start.AddDays(28));
        await SweepAsync(start.AddDays(40));
        Assert.Single(await InboxAsync("officer1", d.Summary.Number));
        Assert.Empty(await InboxAsync("officer2", d.Summary.Number));
        Assert.Empty(await InboxAsync("leader2", d.Summary.Number));
    }

    [Fact]
    public async Task An_overdue_dispute_never_warned_gets_one_overdue_notice()
    {
        var officer = await app.As("officer1");
        var d = await NewTriagedAsync(officer, "院墙滴水纠纷（超期）");
        await SweepAsync(d.Summary.LimitStartedAt!.Value.AddDays(45));
        var notes = await InboxAsync("officer1", d.Summary.Number);
        Assert.Single(notes);
        Assert.StartsWith("纠纷已超期", notes[0]);
    }

    [Fact]
    public async Task Follow_up_visits_go_to_their_visitor_who_is_reminded_a_day_ahead_once()
    {
        var officer = await app.As("officer1");
        var d = await NewTriagedAsync(officer, "院墙滴水纠纷（回访）");
        d = await Act(
            officer,
            d,
            new
            {
                action = "StartMediation",
                level = "Village",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "Resolve",
                reason = "修好滴水檐",
                version = d.Summary.Version,
            }
        );
        Assert.Equal(2, d.FollowUps.Count);
        Assert.All(d.FollowUps, f => Assert.Equal(app.World.UserIds["officer1"], f.AssignedToId));

        // Hand the 30-day visit to the village mediator: they are told at once, and reminded before it is due.
        var later = d.FollowUps.OrderBy(f => f.DueAt).Last();
        var options = await ApiAssert.OkAsync<List<AssigneeOption>>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/assignees"));
        Assert.Contains(options, o => o.Id == app.World.UserIds["mediator1"]);
        Assert.DoesNotContain(options, o => o.Id == app.World.UserIds["officer2"] || o.Id == app.World.UserIds["auxiliary1"]);
        d = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/follow-ups/{later.Id}/assign",
                new { assigneeId = app.World.UserIds["mediator1"], version = d.Summary.Version }
            )
        );
        Assert.Equal("mediator1", d.FollowUps.Single(f => f.Id == later.Id).AssignedToName);
        Assert.Contains(d.Events, e => e.Kind == DisputeEventKind.FollowUpAssigned && e.ByName == "officer1");
        Assert.Single(await InboxAsync("mediator1", d.Summary.Number));

        var resolvedAt = d.Summary.EndedAt!.Value;
        await SweepAsync(resolvedAt.AddDays(5));
        Assert.Empty(await InboxAsync("officer1", $"{d.Summary.Number} 应于"));
        await SweepAsync(resolvedAt.AddDays(6.5));
        await SweepAsync(resolvedAt.AddDays(6.6));
        Assert.Single(await InboxAsync("officer1", $"{d.Summary.Number} 应于"));
        await SweepAsync(resolvedAt.AddDays(29.5));
        Assert.Single(await InboxAsync("mediator1", $"{d.Summary.Number} 应于"));
        Assert.Single(await InboxAsync("officer1", $"{d.Summary.Number} 应于"));
    }

    [Fact]
    public async Task A_visit_cannot_go_to_another_station_or_to_someone_without_the_right_and_a_stale_assignment_is_refused()
    {
        var officer = await app.As("officer1");
        var d = await NewTriagedAsync(officer, "院墙滴水纠纷（改派）");
        d = await Act(
            officer,
            d,
            new
            {
                action = "StartMediation",
                level = "Village",
                version = d.Summary.Version,
            }
        );
        d = await Act(officer, d, new { action = "Resolve", version = d.Summary.Version });
        var visit = d.FollowUps[0];
        var url = $"/api/v1/disputes/{d.Summary.Id}/follow-ups/{visit.Id}/assign";

        foreach (var who in new[] { "officer2", "auxiliary1", "volunteer1" })
            await ApiAssert.ProblemAsync(
                await officer.PostAsJsonAsync(url, new { assigneeId = app.World.UserIds[who], version = d.Summary.Version }),
                HttpStatusCode.UnprocessableEntity
            );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, new { assigneeId = "", version = d.Summary.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, new { assigneeId = new string('x', 5000), version = d.Summary.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, new { assigneeId = app.World.UserIds["mediator1"], version = d.Summary.Version - 1 }),
            HttpStatusCode.Conflict
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/follow-ups/{Guid.NewGuid()}/assign",
                new { assigneeId = app.World.UserIds["mediator1"], version = d.Summary.Version }
            ),
            HttpStatusCode.NotFound
        );

        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(
            await other.PostAsJsonAsync(url, new { assigneeId = app.World.UserIds["officer2"], version = d.Summary.Version }),
            HttpStatusCode.NotFound
        );
        var mediator = await app.As("mediator1");
        var after = await ApiAssert.OkAsync<DisputeDetail>(await mediator.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(d.Summary.Version, after.Summary.Version);
        Assert.Equal(app.World.UserIds["officer1"], after.FollowUps.Single(f => f.Id == visit.Id).AssignedToId);
    }

    [Fact]
    public async Task The_sweep_runs_every_source_and_a_second_run_at_the_same_moment_sends_nothing()
    {
        var sweep = app.Factory.Services.GetRequiredService<ReminderSweep>();
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(0, await sweep.RunAsync(CancellationToken.None));
    }
}
