using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Core.Volunteers.Feed;
using Lianxin.Tests.Support;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Volunteers;

public sealed class ActivityEditReportSqliteTests(SqliteApp app) : ActivityEditReportTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityEditReportPostgresTests(PostgresApp app) : ActivityEditReportTests(app), IClassFixture<PostgresApp>;

/// <summary>Editing an activity with its target squads as the staff dialog does, the phone's list of reports a squad
/// leader still has to write, and a notice published with photos as the staff feed page sends it.</summary>
public abstract class ActivityEditReportTests(AppFixture app)
{
    private const string Base = "/api/v1/volunteers/activities";

    private Guid Village1 => app.World.Villages[0].Id;

    private static object Body(
        Guid unit,
        DateTimeOffset start,
        Guid[] squads,
        int quota = 3,
        bool publish = true,
        long? version = null,
        string title = "东峪村护学岗"
    ) =>
        new
        {
            orgUnitId = unit,
            kind = "SchoolGuard",
            title,
            place = "东峪小学门口",
            description = "上学时段护送学生过马路",
            startsAt = start,
            endsAt = start.AddHours(1),
            quota,
            skillCodes = Array.Empty<string>(),
            squadIds = squads,
            publish,
            version,
        };

    [Fact]
    public async Task Editing_changes_the_target_squads_and_who_sees_the_activity_and_respects_version_and_state()
    {
        var officer = await app.As("officer1");
        var (inName, inId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        var (outName, outId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        var squadA = await ActivitySetup.SquadAsync(
            app,
            Village1,
            "护学中队" + Guid.NewGuid().ToString("N")[..4],
            (inId, SquadRole.Member)
        );
        var squadB = await ActivitySetup.SquadAsync(
            app,
            Village1,
            "巡逻中队" + Guid.NewGuid().ToString("N")[..4],
            (outId, SquadRole.Member)
        );
        var otherStation = await ActivitySetup.SquadAsync(app, app.World.Villages[1].Id, "外所中队");
        var member = await app.As(inName);
        var outsider = await app.As(outName);
        var start = DateTimeOffset.UtcNow.AddDays(5);

        // A draft meant for squad A: nobody sees a draft.
        var draft = await ApiAssert.OkAsync<ActivityDetail>(
            await officer.PostAsJsonAsync(Base, Body(Village1, start, [squadA], publish: false)),
            HttpStatusCode.Created
        );
        Assert.Equal(ActivityStatus.Draft, draft.Summary.Status);
        Assert.Equal([squadA], draft.Squads.Select(s => s.Id));
        var id = draft.Summary.Id;

        // Edited to squad B and published in the same save.
        var edited = await ApiAssert.OkAsync<ActivityDetail>(
            await officer.PutAsJsonAsync(
                $"{Base}/{id}",
                Body(
                    Village1,
                    start.AddHours(1),
                    [squadB],
                    quota: 5,
                    publish: true,
                    version: draft.Summary.Version,
                    title: "东峪村护学岗（改）"
                )
            )
        );
        Assert.Equal(ActivityStatus.Published, edited.Summary.Status);
        Assert.Equal("东峪村护学岗（改）", edited.Summary.Title);
        Assert.Equal(5, edited.Summary.Quota);
        Assert.Equal([squadB], edited.Squads.Select(s => s.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"{Base}/mine/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await outsider.GetAsync($"{Base}/mine/{id}")).StatusCode);

        // Both squads, then none (open to every volunteer in reach).
        edited = await ApiAssert.OkAsync<ActivityDetail>(
            await officer.PutAsJsonAsync($"{Base}/{id}", Body(Village1, start, [squadA, squadB], version: edited.Summary.Version))
        );
        Assert.Equal(2, edited.Squads.Count);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"{Base}/mine/{id}")).StatusCode);
        edited = await ApiAssert.OkAsync<ActivityDetail>(
            await officer.PutAsJsonAsync($"{Base}/{id}", Body(Village1, start, [], version: edited.Summary.Version))
        );
        Assert.Empty(edited.Squads);
        Assert.True(await app.Factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.OpenToAll).FirstAsync()));

        // A stale version, a squad of another station: refused, nothing changed.
        await ApiAssert.ProblemAsync(
            await officer.PutAsJsonAsync($"{Base}/{id}", Body(Village1, start, [squadA], version: draft.Summary.Version)),
            HttpStatusCode.Conflict
        );
        await ApiAssert.ProblemAsync(
            await officer.PutAsJsonAsync($"{Base}/{id}", Body(Village1, start, [otherStation], version: edited.Summary.Version)),
            HttpStatusCode.UnprocessableEntity
        );
        var now = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{id}"));
        Assert.Empty(now.Squads);
        Assert.Equal(edited.Summary.Version, now.Summary.Version);

        // Another station's officer does not find it; once started it cannot be edited any more.
        var officer2 = await app.As("officer2");
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await officer2.PutAsJsonAsync($"{Base}/{id}", Body(Village1, start, [], version: now.Summary.Version))).StatusCode
        );
        await ActivitySetup.ShiftAsync(app, id, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        now = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{id}"));
        await ApiAssert.ProblemAsync(
            await officer.PutAsJsonAsync($"{Base}/{id}", Body(Village1, start, [], version: now.Summary.Version)),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task A_squad_leader_who_took_part_finds_the_report_to_write_until_it_is_written()
    {
        var officer = await app.As("officer1");
        var (leaderName, leaderId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        var (plainName, plainId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        var (idleName, idleId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        await ActivitySetup.SquadAsync(
            app,
            Village1,
            "应急中队" + Guid.NewGuid().ToString("N")[..4],
            (leaderId, SquadRole.Leader),
            (plainId, SquadRole.Member),
            (idleId, SquadRole.DeputyLeader)
        );
        var leader = await app.As(leaderName);
        var plain = await app.As(plainName);
        var idle = await app.As(idleName);
        var start = DateTimeOffset.UtcNow.AddDays(9);
        var a = await ApiAssert.OkAsync<ActivityDetail>(
            await officer.PostAsJsonAsync(Base, Body(Village1, start, [])),
            HttpStatusCode.Created
        );
        var id = a.Summary.Id;
        foreach (var c in new[] { leader, plain })
            await ApiAssert.OkAsync<VolunteerActivityRow>(await c.PostAsJsonAsync($"{Base}/{id}/signup", new { }));
        var d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{id}"));
        foreach (var s in d.Signups)
            await ApiAssert.OkAsync<ActivityDetail>(await officer.PostAsJsonAsync($"{Base}/{id}/signups/{s.Id}/approve", new { }));

        async Task<IReadOnlyList<ReportDue>> DueAsync(HttpClient c) =>
            await ApiAssert.OkAsync<List<ReportDue>>(await c.GetAsync($"{Base}/mine/reports-due"));

        Assert.DoesNotContain(await DueAsync(leader), r => r.ActivityId == id); // not finished yet
        var now = DateTimeOffset.UtcNow;
        await ActivitySetup.ShiftAsync(app, id, now.AddHours(-3), now.AddHours(-1));
        d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{id}"));
        await ApiAssert.OkAsync<ActivityDetail>(await officer.PostAsJsonAsync($"{Base}/{id}/finish", new { version = d.Summary.Version }));

        var due = await DueAsync(leader);
        Assert.Contains(due, r => r.ActivityId == id && r.Title == "东峪村护学岗" && r.Kind == ActivityKind.SchoolGuard);
        Assert.Empty(await DueAsync(plain)); // a member, not a leader
        Assert.DoesNotContain(await DueAsync(idle), r => r.ActivityId == id); // a deputy who did not take part
        Assert.Empty(await DueAsync(await app.As("resident1")));

        Assert.True(await MayWriteAsync(leaderName, id));
        Assert.False(await MayWriteAsync(plainName, id));
        Assert.False(await MayWriteAsync("officer2", id)); // another station

        var form = new MultipartFormDataContent { { new StringContent("护送学生 120 人次过马路，无事故"), "body" } };
        var photo = new ByteArrayContent(ActivitySetup.Png());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(photo, "photos", "护学.png");
        var report = await ApiAssert.OkAsync<ReportView>(await leader.PostAsync($"{Base}/{id}/report", form), HttpStatusCode.Created);
        Assert.Single(report.PhotoIds);
        Assert.DoesNotContain(await DueAsync(leader), r => r.ActivityId == id);
        Assert.False(await MayWriteAsync(leaderName, id)); // written once
        Assert.False(await MayWriteAsync("officer1", id));
    }

    private Task<bool> MayWriteAsync(string userName, Guid activityId) =>
        AsAsync(userName, sp => sp.GetRequiredService<ActivityReportService>().MayWriteAsync(activityId));

    [Fact]
    public async Task A_notice_is_published_with_photos_and_a_bad_photo_saves_neither_the_notice_nor_any_photo()
    {
        var title = "防汛值守通知" + Guid.NewGuid().ToString("N")[..4];
        var post = await AsAsync("officer1", sp =>
            sp.GetRequiredService<FeedService>()
                .CreateAsync(
                    new FeedPostInput(FeedPostKind.Notice, null, title, "今晚起各中队轮流值守，请看排班表。"),
                    [
                        new Lianxin.Core.Volunteers.Tips.PhotoUpload("排班.png", new MemoryStream(ActivitySetup.Png())),
                        new Lianxin.Core.Volunteers.Tips.PhotoUpload("地点.png", new MemoryStream(ActivitySetup.Png(90))),
                    ]
                )
        );
        Assert.Equal(
            2,
            await app.Factory.WithDbAsync(db => db.Photos.CountAsync(p => p.OwnerKind == PhotoOwner.FeedPost && p.OwnerId == post.Id))
        );
        var seen = await ApiAssert.OkAsync<FeedPostView>(await (await app.As("officer1")).GetAsync($"/api/v1/volunteers/feed/{post.Id}"));
        Assert.Equal(2, seen.PhotoIds.Count);

        var bad = "坏照片通知" + Guid.NewGuid().ToString("N")[..4];
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync("officer1", sp =>
                sp.GetRequiredService<FeedService>()
                    .CreateAsync(
                        new FeedPostInput(FeedPostKind.Notice, null, bad, "正文"),
                        [
                            new Lianxin.Core.Volunteers.Tips.PhotoUpload("a.png", new MemoryStream(ActivitySetup.Png())),
                            new Lianxin.Core.Volunteers.Tips.PhotoUpload("b.exe", new MemoryStream("MZ not a picture"u8.ToArray())),
                        ]
                    )
            )
        );
        Assert.False(await app.Factory.WithDbAsync(db => db.FeedPosts.AnyAsync(p => p.Title == bad)));

        // Not more than nine; nothing saved.
        var many = Enumerable
            .Range(0, PhotoStore.MaxPerOwner + 1)
            .Select(i => new Lianxin.Core.Volunteers.Tips.PhotoUpload($"{i}.png", new MemoryStream(ActivitySetup.Png())))
            .ToList();
        await Assert.ThrowsAsync<ValidationFailedException>(() =>
            AsAsync("officer1", sp =>
                sp.GetRequiredService<FeedService>().CreateAsync(new FeedPostInput(FeedPostKind.Notice, null, bad, "正文"), many)
            )
        );
        Assert.False(await app.Factory.WithDbAsync(db => db.FeedPosts.AnyAsync(p => p.Title == bad)));
    }

    /// <summary>Runs a service as the signed-in account would on a staff page (the principal made as sign-in makes it).</summary>
    private Task<T> AsAsync<T>(string userName, Func<IServiceProvider, Task<T>> work) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var account = await sp.GetRequiredService<LianxinDbContext>().Users.FirstAsync(u => u.UserName == userName);
            var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<LianxinUser>>().CreateAsync(account);
            sp.GetRequiredService<CurrentUser>().Set(principal, "127.0.0.1");
            return await work(sp);
        });
}
