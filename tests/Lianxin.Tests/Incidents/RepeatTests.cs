using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Tests.Incidents;

public sealed class RepeatSqliteTests(SqliteApp app) : RepeatTests(app), IClassFixture<SqliteApp>;

public sealed class RepeatPostgresTests(PostgresApp app) : RepeatTests(app), IClassFixture<PostgresApp>;

/// <summary>Repeated incidents from intake to the focus list, a dispute and look-backs, on a real database.
/// Incidents come in the way every intake path brings them: saved, then all intake steps run in the same
/// transaction.</summary>
public abstract partial class RepeatTests(AppFixture app)
{
    private sealed record Call(
        string Address,
        string? Phone,
        DateTimeOffset At,
        string? Caller = null,
        string Category = "dispute",
        bool Invalid = false
    );

    private static int _seq;

    private static string Unique(string text) => $"{text}{Interlocked.Increment(ref _seq)}{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Adds incidents in one intake and runs the registered intake steps (or a repeat check with the given rule)
    /// on them.</summary>
    private Task<List<Incident>> IntakeAsync(Guid placeId, RepeatOptions? rule, params Call[] calls) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            var addresses = sp.GetRequiredService<AddressNormalizer>();
            var list = calls
                .Select(c =>
                {
                    var i = Incident.Receive(
                        new IncidentReport
                        {
                            Number = Unique("T110-"),
                            ReceivedAt = c.At,
                            CategoryCode = c.Category,
                            Address = c.Address,
                            AddressKey = addresses.Normalize(c.Address),
                            Summary = $"{c.Address} 报警",
                            Validity = c.Invalid ? IncidentValidity.Invalid : IncidentValidity.Valid,
                            HandlingUnitId = app.World.Stations[0].Id,
                            Source = IncidentSource.Api,
                            CallerPhone = protector.Protect(c.Phone, PhoneNumber.Mask),
                            CallerName = protector.Protect(c.Caller, n => n[..1] + "某"),
                        }
                    );
                    i.Place(placeId, PlacementMethod.Address);
                    return i;
                })
                .ToList();
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Incidents.AddRange(list);
            await db.SaveChangesAsync();
            var steps = rule is null
                ? sp.GetServices<IIncidentIntakeStep>().OrderBy(s => s.Order).ToList()
                : [new RepeatCheck(sp.GetRequiredService<NotificationService>(), Options.Create(rule))];
            foreach (var s in steps)
                await s.OnAddedAsync(db, list, CancellationToken.None);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return list;
        });

    private Task<int> NotesForAsync(string user, string titlePart) =>
        app.Factory.WithDbAsync(db =>
        {
            var id = app.World.UserIds[user];
            return db.Notifications.CountAsync(n => n.UserId == id && n.Title.Contains(titlePart));
        });

    private Task<List<RepeatCluster>> ClustersOfAsync(Guid incidentId) =>
        app.Factory.WithDbAsync(db =>
            db.RepeatClusters.AsNoTracking()
                .Include(c => c.Members)
                .Where(c => c.Members.Any(m => m.IncidentId == incidentId))
                .ToListAsync()
        );

    private Task<Incident> IncidentAsync(Guid id) => app.Factory.WithDbAsync(db => db.Incidents.AsNoTracking().FirstAsync(i => i.Id == id));

    [Fact]
    public async Task The_same_flat_written_differently_is_flagged_on_intake_and_the_community_officer_is_told()
    {
        var estate = Unique("东港豪庭");
        var now = DateTimeOffset.UtcNow;
        var first = await IntakeAsync(app.World.Villages[0].Id, null, new Call($"{estate}3号楼2单元501", null, now.AddDays(-3)));
        Assert.False((await IncidentAsync(first[0].Id)).FlaggedRepeat);
        Assert.Empty(await ClustersOfAsync(first[0].Id));
        var before1 = await NotesForAsync("officer1", estate);

        // The flat next door is not the same place.
        var door = await IntakeAsync(app.World.Villages[0].Id, null, new Call($"{estate}3号楼2单元502", null, now.AddDays(-2)));
        Assert.False((await IncidentAsync(door[0].Id)).FlaggedRepeat);

        var second = await IntakeAsync(app.World.Villages[0].Id, null, new Call($"{estate}小区三栋二单元501室", null, now));
        Assert.True((await IncidentAsync(second[0].Id)).FlaggedRepeat);
        Assert.True((await IncidentAsync(first[0].Id)).FlaggedRepeat);
        var cluster = Assert.Single(await ClustersOfAsync(second[0].Id));
        Assert.Equal(RepeatClusterKind.Address, cluster.Kind);
        Assert.Equal(2, cluster.IncidentCount);
        Assert.Equal(app.World.Villages[0].Id, cluster.OrgUnitId);
        Assert.Equal(before1 + 1, await NotesForAsync("officer1", estate));
        Assert.Equal(0, await NotesForAsync("officer2", estate));

        // A third call extends the same cluster instead of opening another.
        var third = await IntakeAsync(app.World.Villages[0].Id, null, new Call($"{estate}３号楼２单元５０１", null, now.AddMinutes(5)));
        var again = Assert.Single(await ClustersOfAsync(third[0].Id));
        Assert.Equal(cluster.Id, again.Id);
        Assert.Equal(3, again.IncidentCount);
    }

    [Fact]
    public async Task Only_calls_within_the_window_count_and_the_minimum_is_configurable()
    {
        var now = DateTimeOffset.UtcNow;
        var place = Unique("南庄村") + "2组8号";
        var a = await IntakeAsync(app.World.Villages[0].Id, null, new Call(place, null, now.AddDays(-45)));
        var b = await IntakeAsync(app.World.Villages[0].Id, null, new Call(place, null, now));
        Assert.False((await IncidentAsync(b[0].Id)).FlaggedRepeat); // 45 days apart: outside the 30-day window
        Assert.False((await IncidentAsync(a[0].Id)).FlaggedRepeat);

        // A rule of three calls: two within the window are not yet a cluster, the third is.
        var three = Unique("北庄村") + "12号";
        var strict = new RepeatOptions { RepeatMinCount = 3, RepeatWindowDays = 10 };
        await IntakeAsync(app.World.Villages[0].Id, strict, new Call(three, null, now.AddDays(-5)));
        var second = await IntakeAsync(app.World.Villages[0].Id, strict, new Call(three, null, now.AddDays(-4)));
        Assert.False((await IncidentAsync(second[0].Id)).FlaggedRepeat);
        var third = await IntakeAsync(app.World.Villages[0].Id, strict, new Call(three, null, now));
        Assert.Equal(3, Assert.Single(await ClustersOfAsync(third[0].Id)).IncidentCount);
    }

    [Fact]
    public async Task Two_calls_in_one_batch_make_a_cluster_and_invalid_calls_are_left_out()
    {
        var now = DateTimeOffset.UtcNow;
        var place = Unique("岗南村") + "二组";
        var batch = await IntakeAsync(
            app.World.Villages[0].Id,
            null,
            new Call(place, null, now.AddHours(-2)),
            new Call(place, null, now.AddHours(-1)),
            new Call(place, null, now)
        );
        Assert.Equal(3, Assert.Single(await ClustersOfAsync(batch[2].Id)).IncidentCount);
        Assert.Single(await ClustersOfAsync(batch[0].Id));

        // An invalid call (prank, misdial) neither joins nor makes a cluster.
        var other = Unique("岗南村") + "三组";
        await IntakeAsync(app.World.Villages[0].Id, null, new Call(other, null, now.AddHours(-1), Invalid: true));
        var next = await IntakeAsync(app.World.Villages[0].Id, null, new Call(other, null, now));
        Assert.Empty(await ClustersOfAsync(next[0].Id));
    }

    [Fact]
    public async Task The_same_caller_from_different_addresses_is_a_phone_cluster_seen_only_within_scope()
    {
        var now = DateTimeOffset.UtcNow;
        var phone = $"139{Random.Shared.Next(10000000, 99999999)}";
        await IntakeAsync(app.World.Villages[0].Id, null, new Call(Unique("东峪村一组"), phone, now.AddDays(-10)));
        var second = await IntakeAsync(app.World.Villages[0].Id, null, new Call(Unique("东峪村五组"), phone, now));
        var cluster = Assert.Single(await ClustersOfAsync(second[0].Id));
        Assert.Equal(RepeatClusterKind.Phone, cluster.Kind);
        Assert.Contains("****", cluster.Label);

        var officer = await app.As("officer1");
        var page = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync("/api/v1/incidents/clusters?kind=Phone&pageSize=200"));
        Assert.Contains(page.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == cluster.Id);
        var detail = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync($"/api/v1/incidents/clusters/{cluster.Id}"));
        Assert.Equal(2, detail.GetProperty("incidents").GetArrayLength());
        Assert.DoesNotContain(phone, detail.GetRawText()); // masked

        var other = await app.As("officer2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/incidents/clusters/{cluster.Id}")).StatusCode);
        var theirs = await ApiAssert.OkAsync<JsonElement>(await other.GetAsync("/api/v1/incidents/clusters?pageSize=200"));
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == cluster.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("resident1")).GetAsync("/api/v1/incidents/clusters")).StatusCode);
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/incidents/clusters?kind=Nope"), HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(
            await officer.GetAsync($"/api/v1/incidents/clusters?q={new string('x', 200)}"),
            HttpStatusCode.UnprocessableEntity
        );
    }

    private async Task<RepeatCluster> ClusterAsync(string prefix, string? caller1 = null, string? caller2 = null)
    {
        var now = DateTimeOffset.UtcNow;
        var place = Unique(prefix) + "号";
        await IntakeAsync(app.World.Villages[0].Id, null, new Call(place, null, now.AddDays(-2), caller1));
        var second = await IntakeAsync(app.World.Villages[0].Id, null, new Call(place, null, now, caller2));
        return Assert.Single(await ClustersOfAsync(second[0].Id));
    }

    [Fact]
    public async Task A_cluster_goes_on_the_focus_list_with_owner_status_and_append_only_notes()
    {
        var cluster = await ClusterAsync("梁家沟村");
        var officer = await app.As("officer1");
        var url = $"/api/v1/incidents/clusters/{cluster.Id}/focus";

        // The owner must be an account within the caller's scope: station 2's officer is not.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, new { ownerId = app.World.UserIds["officer2"] }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, new { note = new string('长', 1001) }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("auxiliary1")).PostAsJsonAsync(url, new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("officer2")).PostAsJsonAsync(url, new { })).StatusCode);

        var focused = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync(url, new { ownerId = app.World.UserIds["auxiliary1"], note = "两户因噪音反复报警" })
        );
        Assert.True(focused.GetProperty("summary").GetProperty("onFocusList").GetBoolean());
        Assert.Equal("Open", focused.GetProperty("summary").GetProperty("focusStatus").GetString());
        Assert.Equal("auxiliary1", focused.GetProperty("focusOwnerName").GetString());
        Assert.Equal(1, await NotesForAsync("auxiliary1", "重点关注"));
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, new { }), HttpStatusCode.Conflict);

        var version = focused.GetProperty("summary").GetProperty("version").GetInt64();
        var focusUrl = $"/api/v1/incidents/focus/{cluster.Id}";
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(focusUrl, new { status = "Following", version = version + 5 }),
            HttpStatusCode.Conflict
        );
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(focusUrl, new { version }), HttpStatusCode.UnprocessableEntity);
        var updated = await ApiAssert.OkAsync<JsonElement>(await officer.PostAsJsonAsync(focusUrl, new { status = "Following", version }));
        Assert.Equal("Following", updated.GetProperty("summary").GetProperty("focusStatus").GetString());

        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{focusUrl}/notes", new { text = "  " }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync($"{focusUrl}/notes", new { text = "已约双方到警务室" }),
            HttpStatusCode.Created
        );
        var detail = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync($"/api/v1/incidents/clusters/{cluster.Id}"));
        var notes = detail.GetProperty("notes").EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Equal(["两户因噪音反复报警", "状态由「待跟进」改为「跟进中」", "已约双方到警务室"], notes);
        Assert.All(detail.GetProperty("notes").EnumerateArray(), n => Assert.Equal("officer1", n.GetProperty("byName").GetString()));

        var list = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync("/api/v1/incidents/focus?status=Following&pageSize=200"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == cluster.Id);
        var none = await ApiAssert.OkAsync<JsonElement>(await (await app.As("leader2")).GetAsync("/api/v1/incidents/focus?pageSize=200"));
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == cluster.Id);
    }

    [Fact]
    public async Task A_dispute_opened_from_a_cluster_takes_its_callers_and_links_every_incident()
    {
        var cluster = await ClusterAsync("柏坡小区", "王建国", "刘秀英");
        var officer = await app.As("officer1");
        var url = $"/api/v1/incidents/clusters/{cluster.Id}/dispute";
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, new { title = new string('题', 101) }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("leader2")).PostAsJsonAsync(url, new { })).StatusCode);

        var dispute = await ApiAssert.OkAsync<JsonElement>(await officer.PostAsJsonAsync(url, new { }), HttpStatusCode.Created);
        var disputeId = dispute.GetProperty("summary").GetProperty("id").GetGuid();
        Assert.Equal("Incident110", dispute.GetProperty("summary").GetProperty("source").GetString());
        Assert.Equal(app.World.Villages[0].Id, dispute.GetProperty("summary").GetProperty("orgUnitId").GetGuid());
        var parties = dispute.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("displayName").GetString()).ToList();
        Assert.Equal(2, parties.Count);
        Assert.Contains("报警", dispute.GetProperty("description").GetString());

        var linked = await app.Factory.WithDbAsync(db =>
            (
                from m in db.RepeatClusterMembers
                join i in db.Incidents on m.IncidentId equals i.Id
                where m.ClusterId == cluster.Id
                select i.DisputeId
            ).ToListAsync()
        );
        Assert.Equal(2, linked.Count);
        Assert.All(linked, d => Assert.Equal(disputeId, d));
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Look_back_tasks_are_made_per_week_assigned_recorded_and_reminded()
    {
        var officer = await app.As("officer1");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var place = Unique("西沟采砂点");
        object Plan(int weeks, string category = "Mining") =>
            new
            {
                orgUnitId = app.World.Villages[0].Id,
                address = place,
                category,
                dealtOn = today,
                weeks,
            };
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents/lookbacks", Plan(0)),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents/lookbacks", Plan(27)),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/lookbacks",
                new
                {
                    orgUnitId = app.World.Villages[0].Id,
                    address = place,
                    category = "Mining",
                    dealtOn = today.AddDays(3),
                    weeks = 2,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (
                await officer.PostAsJsonAsync(
                    "/api/v1/incidents/lookbacks",
                    new
                    {
                        orgUnitId = app.World.Villages[1].Id,
                        address = place,
                        category = "Gambling",
                        dealtOn = today,
                        weeks = 2,
                    }
                )
            ).StatusCode
        );

        var plan = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync("/api/v1/incidents/lookbacks", Plan(3)),
            HttpStatusCode.Created
        );
        var planId = plan.GetProperty("summary").GetProperty("id").GetGuid();
        var tasks = plan.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(3, tasks.Count);
        Assert.Equal(["Patrol", "SpotCheck", "Patrol"], tasks.Select(t => t.GetProperty("kind").GetString()));
        var first = tasks[0].GetProperty("id").GetGuid();
        var second = tasks[1].GetProperty("id").GetGuid();

        var taskUrl = $"/api/v1/incidents/lookbacks/{planId}/tasks/{first}";
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{taskUrl}/assign", new { assigneeId = app.World.UserIds["leader2"] }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync($"{taskUrl}/assign", new { assigneeId = app.World.UserIds["auxiliary1"] })
        );

        // Reminders: a day before the first week ends, its assignee hears once; the plan's maker hears for unassigned tasks.
        var before = await NotesForAsync("auxiliary1", "回头看任务");
        var sent = await app.Factory.WithScopeAsync(sp =>
            sp.GetServices<IReminderSource>()
                .OfType<LookBackReminders>()
                .Single()
                .SendDueAsync(DateTimeOffset.UtcNow.AddDays(6.5), CancellationToken.None)
        );
        Assert.True(sent >= 1);
        Assert.Equal(before + 1, await NotesForAsync("auxiliary1", "回头看任务"));
        await app.Factory.WithScopeAsync(sp =>
            sp.GetServices<IReminderSource>()
                .OfType<LookBackReminders>()
                .Single()
                .SendDueAsync(DateTimeOffset.UtcNow.AddDays(6.5), CancellationToken.None)
        );
        Assert.Equal(before + 1, await NotesForAsync("auxiliary1", "回头看任务"));

        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{taskUrl}/result", new { result = "FoundAgain" }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync($"{taskUrl}/result", new { }), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.OkAsync<JsonElement>(await officer.PostAsJsonAsync($"{taskUrl}/result", new { result = "Normal" }));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{taskUrl}/result", new { result = "Normal" }),
            HttpStatusCode.Conflict
        );

        var leaderBefore = await NotesForAsync("leader1", place);
        var done = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsJsonAsync(
                $"/api/v1/incidents/lookbacks/{planId}/tasks/{second}/result",
                new { result = "FoundAgain", note = "夜间又见运砂车" }
            )
        );
        Assert.Equal(1, done.GetProperty("summary").GetProperty("foundAgain").GetInt32());
        Assert.Equal(2, done.GetProperty("summary").GetProperty("done").GetInt32());
        Assert.Equal(leaderBefore + 1, await NotesForAsync("leader1", place));
        Assert.Equal(0, await NotesForAsync("leader2", place));

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await (await app.As("officer2")).GetAsync($"/api/v1/incidents/lookbacks/{planId}")).StatusCode
        );
        var list = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync("/api/v1/incidents/lookbacks?open=true&pageSize=200"));
        Assert.Contains(list.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == planId);
    }

    [Fact]
    public async Task Directives_import_with_bad_rows_reported_and_compare_with_the_weeks_incidents()
    {
        var now = DateTimeOffset.UtcNow;
        var day = IncidentPeople.WeekStart(now);
        var flat = Unique("锦绣家园") + "5栋2单元301";
        var atFlat = await IntakeAsync(
            app.World.Villages[0].Id,
            null,
            new Call(flat, null, IncidentPeople.StartOf(day).AddHours(10), Category: "public-order")
        );
        var unmatched = await IntakeAsync(
            app.World.Villages[0].Id,
            null,
            new Call(Unique("无指令地点"), null, IncidentPeople.StartOf(day).AddHours(11), Category: "help")
        );
        var number = Unique("ZL-");
        var csv =
            $"指令编号,日期,地址,类别,内容\n{number},{day:yyyy-MM-dd},{flat.Replace("5栋", "五号楼")},,核查该户反复报警情况\n"
            + $",{day:yyyy-MM-dd},,,缺编号\n{number}-2,不是日期,,,日期错\n";
        var officer = await app.As("officer1");
        HttpContent Form(string text, Guid unit, string name = "directives.csv") =>
            new MultipartFormDataContent
            {
                { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name },
                { new StringContent(unit.ToString()), "orgUnitId" },
            };
        var result = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsync("/api/v1/incidents/directives/import", Form(csv, app.World.Villages[0].Id))
        );
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        var problems = result.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(3, problems[0].GetProperty("row").GetInt32());
        Assert.Equal("指令编号", problems[0].GetProperty("field").GetString());
        Assert.Equal("日期", problems[1].GetProperty("field").GetString());

        // Importing the same file again adds nothing.
        var again = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsync("/api/v1/incidents/directives/import", Form(csv, app.World.Villages[0].Id))
        );
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(1, again.GetProperty("alreadyThere").GetInt32());

        await ApiAssert.ProblemAsync(
            await officer.PostAsync("/api/v1/incidents/directives/import", Form(csv, app.World.Villages[0].Id, "x.exe")),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsync("/api/v1/incidents/directives/import", Form("a,b\n1,2\n", app.World.Villages[0].Id)),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsync("/api/v1/incidents/directives/import", Form("PKnot-a-zip", app.World.Villages[0].Id, "d.xlsx")),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents/directives/import", new { }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await officer.PostAsync("/api/v1/incidents/directives/import", Form(csv, app.World.Villages[1].Id))).StatusCode
        );

        var cmp = await ApiAssert.OkAsync<JsonElement>(
            await officer.GetAsync($"/api/v1/incidents/directives/comparison?week={day:yyyy-MM-dd}")
        );
        var mine = cmp.GetProperty("directives")
            .EnumerateArray()
            .Single(d => d.GetProperty("directive").GetProperty("number").GetString() == number);
        var hit = Assert.Single(mine.GetProperty("incidents").EnumerateArray());
        Assert.Equal(atFlat[0].Id, hit.GetProperty("id").GetGuid());
        Assert.True(hit.GetProperty("sameAddress").GetBoolean());
        Assert.Contains(cmp.GetProperty("unmatched").EnumerateArray(), i => i.GetProperty("id").GetGuid() == unmatched[0].Id);
        Assert.DoesNotContain(cmp.GetProperty("unmatched").EnumerateArray(), i => i.GetProperty("id").GetGuid() == atFlat[0].Id);

        var station2 = await ApiAssert.OkAsync<JsonElement>(
            await (await app.As("officer2")).GetAsync($"/api/v1/incidents/directives/comparison?week={day:yyyy-MM-dd}")
        );
        Assert.DoesNotContain(station2.GetProperty("directives").EnumerateArray(), d =>
            d.GetProperty("directive").GetProperty("number").GetString() == number
        );
    }

    [Fact]
    public async Task The_weekly_analysis_tells_each_station_leader_once_about_last_weeks_clusters()
    {
        // Clusters from 8 and 9 days ago lie in the week before this one for a Monday run a week from now at the latest.
        var now = DateTimeOffset.UtcNow;
        var monday = IncidentPeople.StartOf(IncidentPeople.WeekStart(now).AddDays(7)).AddHours(9);
        var lastWeek = IncidentPeople.StartOf(IncidentPeople.WeekStart(now));
        var place = Unique("温塘村") + "6组";
        await IntakeAsync(app.World.Villages[0].Id, null, new Call(place, null, lastWeek.AddHours(9)));
        await IntakeAsync(app.World.Villages[0].Id, null, new Call(place, null, lastWeek.AddHours(10)));
        var before = await NotesForAsync("leader1", "上周重复警情研判");
        await app.Factory.WithScopeAsync(sp =>
            sp.GetServices<IReminderSource>().OfType<RepeatWeeklyDigest>().Single().SendDueAsync(monday, CancellationToken.None)
        );
        Assert.Equal(before + 1, await NotesForAsync("leader1", "上周重复警情研判"));
        await app.Factory.WithScopeAsync(sp =>
            sp.GetServices<IReminderSource>().OfType<RepeatWeeklyDigest>().Single().SendDueAsync(monday.AddHours(1), CancellationToken.None)
        );
        Assert.Equal(before + 1, await NotesForAsync("leader1", "上周重复警情研判"));

        var week = await ApiAssert.OkAsync<JsonElement>(
            await (await app.As("leader1")).GetAsync($"/api/v1/incidents/clusters/week?week={IncidentPeople.WeekStart(now):yyyy-MM-dd}")
        );
        var station = week.EnumerateArray().Single(s => s.GetProperty("stationId").GetGuid() == app.World.Stations[0].Id);
        Assert.Contains(station.GetProperty("rows").EnumerateArray(), r => r.GetProperty("label").GetString() == place);
    }

    [Fact]
    public async Task A_week_with_more_directives_than_are_compared_says_so()
    {
        // A week no other test uses, in the second station's village.
        var monday = new DateOnly(2093, 3, 2).AddDays(7 * Random.Shared.Next(0, 200));
        await app.Factory.WithDbAsync(async db =>
        {
            for (var n = 0; n <= DirectiveService.MaxDirectives; n++)
                db.CommandDirectives.Add(
                    new CommandDirective
                    {
                        OrgUnitId = app.World.Villages[1].Id,
                        Number = $"ZL-{monday:yyyyMMdd}-{n:0000}",
                        IssuedOn = monday.AddDays(n % 7),
                        Category = "赌博",
                        Content = "查处赌博窝点",
                    }
                );
            db.SuppressEntityAudit = true;
            return await db.SaveChangesAsync();
        });
        var url = $"/api/v1/incidents/directives/comparison?week={monday:yyyy-MM-dd}";
        var cut = await ApiAssert.OkAsync<JsonElement>(await (await app.As("officer2")).GetAsync(url));
        Assert.True(cut.GetProperty("directivesCut").GetBoolean());
        Assert.False(cut.GetProperty("incidentsCut").GetBoolean());
        Assert.Equal(DirectiveService.MaxDirectives, cut.GetProperty("directives").GetArrayLength());

        // The first station sees none of them, and nothing is cut.
        var other = await ApiAssert.OkAsync<JsonElement>(await (await app.As("officer1")).GetAsync(url));
        Assert.False(other.GetProperty("directivesCut").GetBoolean());
        Assert.Equal(0, other.GetProperty("directives").GetArrayLength());
    }
}
