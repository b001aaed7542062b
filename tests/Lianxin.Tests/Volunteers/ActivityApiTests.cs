using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Notifications;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Volunteers;

public sealed class ActivityApiSqliteTests(SqliteApp app) : ActivityApiTests(app), IClassFixture<SqliteApp>;

public sealed class ActivityApiPostgresTests(PostgresApp app) : ActivityApiTests(app), IClassFixture<PostgresApp>;

public abstract class ActivityApiTests(AppFixture app)
{
    private const string Base = "/api/v1/volunteers/activities";
    private const double Lat = 36.60,
        Lng = 116.90;

    private Guid Village1 => app.World.Villages[0].Id;

    private static async Task<ActivityDetail> CreateAsync(
        HttpClient staff,
        Guid unit,
        DateTimeOffset start,
        int quota = 2,
        bool located = true,
        string kind = "Patrol",
        Guid[]? squads = null,
        string[]? skills = null,
        double hours = 2
    )
    {
        var body = new
        {
            orgUnitId = unit,
            kind,
            title = "东峪村夜间巡逻",
            place = "东峪村委会门口",
            description = "沿主街和小学周边巡逻",
            lat = located ? Lat : (double?)null,
            lng = located ? Lng : (double?)null,
            startsAt = start,
            endsAt = start.AddHours(hours),
            quota,
            skillCodes = skills ?? [],
            squadIds = squads ?? [],
            publish = true,
        };
        return await ApiAssert.OkAsync<ActivityDetail>(await staff.PostAsJsonAsync(Base, body), HttpStatusCode.Created);
    }

    private async Task<HttpClient> VolunteerAsync(
        Guid? unit = null,
        VolunteerStatus status = VolunteerStatus.Active,
        params string[] skills
    )
    {
        var (name, _) = await ActivitySetup.NewVolunteerAsync(app, unit ?? app.World.Grids[0].Id, status, skills);
        return await app.As(name);
    }

    private static async Task<VolunteerActivityRow> Post(HttpClient c, string url, object? body = null) =>
        await ApiAssert.OkAsync<VolunteerActivityRow>(await c.PostAsJsonAsync(url, body ?? new { }));

    private static async Task<ActivityDetail> Staff(HttpClient c, string url, object? body = null) =>
        await ApiAssert.OkAsync<ActivityDetail>(await c.PostAsJsonAsync(url, body ?? new { }));

    [Fact]
    public async Task A_full_patrol_takes_a_wait_list_that_moves_up_when_someone_cancels()
    {
        var officer = await app.As("officer1");
        var a = await CreateAsync(officer, Village1, DateTimeOffset.UtcNow.AddDays(3), quota: 1);
        Assert.Equal(ActivityStatus.Published, a.Summary.Status);
        var first = await VolunteerAsync();
        var second = await VolunteerAsync();
        var third = await VolunteerAsync();

        var mine = await ApiAssert.OkAsync<PagedResult<VolunteerActivityRow>>(await first.GetAsync($"{Base}/mine?pageSize=200"));
        Assert.Contains(mine.Items, r => r.Id == a.Summary.Id && r.Mine == null);
        Assert.Equal(SignupStatus.Pending, (await Post(first, $"{Base}/{a.Summary.Id}/signup")).Mine!.Status);
        var waiting = await Post(second, $"{Base}/{a.Summary.Id}/signup");
        Assert.Equal(SignupStatus.Waitlisted, waiting.Mine!.Status);
        Assert.Equal(1, waiting.Mine.WaitRank);
        Assert.Equal(2, (await Post(third, $"{Base}/{a.Summary.Id}/signup")).Mine!.WaitRank);
        await ApiAssert.ProblemAsync(await first.PostAsJsonAsync($"{Base}/{a.Summary.Id}/signup", new { }), HttpStatusCode.Conflict);

        var detail = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        var pending = detail.Signups.Single(s => s.Status == SignupStatus.Pending);
        detail = await Staff(officer, $"{Base}/{a.Summary.Id}/signups/{pending.Id}/approve");
        Assert.Equal(1, detail.Summary.Approved);
        Assert.Equal(2, detail.Summary.Waitlisted);

        var cancelled = await Post(first, $"{Base}/{a.Summary.Id}/signup/cancel");
        Assert.Equal(SignupStatus.Cancelled, cancelled.Mine!.Status);
        var moved = await ApiAssert.OkAsync<VolunteerActivityRow>(await second.GetAsync($"{Base}/mine/{a.Summary.Id}"));
        Assert.Equal(SignupStatus.Pending, moved.Mine!.Status);
        Assert.Equal(
            1,
            (await ApiAssert.OkAsync<VolunteerActivityRow>(await third.GetAsync($"{Base}/mine/{a.Summary.Id}"))).Mine!.WaitRank
        );
        var secondId = moved.Mine.Id;
        var told = await app.Factory.WithDbAsync(async db =>
        {
            var account = await db.ActivitySignups.Where(s => s.Id == secondId).Select(s => s.Volunteer!.UserId).FirstAsync();
            return await db.Notifications.CountAsync(n => n.UserId == account && n.Title.StartsWith("候补转正"));
        });
        Assert.Equal(1, told);

        // Signing up again after cancelling puts the volunteer at the end of the wait list.
        Assert.Equal(SignupStatus.Waitlisted, (await Post(first, $"{Base}/{a.Summary.Id}/signup")).Mine!.Status);
    }

    [Fact]
    public async Task Overlapping_signups_are_refused_and_only_active_volunteers_may_sign_up()
    {
        var officer = await app.As("officer1");
        var start = DateTimeOffset.UtcNow.AddDays(5);
        var a = await CreateAsync(officer, Village1, start);
        var b = await CreateAsync(officer, Village1, start.AddHours(1));
        var c = await CreateAsync(officer, Village1, start.AddHours(2)); // back to back with a
        var v = await VolunteerAsync();
        await Post(v, $"{Base}/{a.Summary.Id}/signup");
        var clash = await ApiAssert.ProblemAsync(
            await v.PostAsJsonAsync($"{Base}/{b.Summary.Id}/signup", new { }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("时间冲突", clash.GetRawText());
        await Post(v, $"{Base}/{c.Summary.Id}/signup");

        var suspended = await VolunteerAsync(status: VolunteerStatus.Suspended);
        await ApiAssert.ProblemAsync(await suspended.PostAsJsonAsync($"{Base}/{a.Summary.Id}/signup", new { }), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await suspended.GetAsync($"{Base}/mine"), HttpStatusCode.Forbidden);
        var resident = await app.As("resident1"); // no volunteer record at all
        await ApiAssert.ProblemAsync(await resident.PostAsJsonAsync($"{Base}/{a.Summary.Id}/signup", new { }), HttpStatusCode.Forbidden);

        var before = await app.Factory.WithDbAsync(db => db.ActivitySignups.CountAsync(s => s.ActivityId == a.Summary.Id));
        Assert.Equal(1, before);
    }

    [Fact]
    public async Task Volunteers_check_themselves_in_near_the_gathering_point_inside_the_window_and_finishing_credits_hours_once()
    {
        var officer = await app.As("officer1");
        var v = await VolunteerAsync();
        var soon = await CreateAsync(officer, Village1, DateTimeOffset.UtcNow.AddDays(7).AddMinutes(10), quota: 3);
        await Post(v, $"{Base}/{soon.Summary.Id}/signup");
        var d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{soon.Summary.Id}"));
        await Staff(officer, $"{Base}/{soon.Summary.Id}/signups/{d.Signups[0].Id}/approve");

        // Days before the start: outside the window.
        var early = await ApiAssert.ProblemAsync(
            await v.PostAsJsonAsync($"{Base}/{soon.Summary.Id}/checkin", new { lat = Lat, lng = Lng }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("签到时间", early.GetRawText());

        // Just started: inside the window, but a kilometre away is too far.
        var now = DateTimeOffset.UtcNow;
        await ActivitySetup.ShiftAsync(app, soon.Summary.Id, now.AddMinutes(-5), now.AddHours(2));
        var far = await ApiAssert.ProblemAsync(
            await v.PostAsJsonAsync($"{Base}/{soon.Summary.Id}/checkin", new { lat = Lat + 0.01, lng = Lng }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("米", far.GetRawText());
        await ApiAssert.ProblemAsync(
            await v.PostAsJsonAsync($"{Base}/{soon.Summary.Id}/checkin", new { }),
            HttpStatusCode.UnprocessableEntity
        );
        var inside = await Post(v, $"{Base}/{soon.Summary.Id}/checkin", new { lat = Lat + 0.001, lng = Lng });
        Assert.NotNull(inside.Mine!.CheckedInAt);
        var outside = await Post(v, $"{Base}/{soon.Summary.Id}/checkout", new { lat = Lat, lng = Lng + 0.001 });
        Assert.NotNull(outside.Mine!.CheckedOutAt);

        // The organiser records the real times afterwards; finishing credits them once.
        await ActivitySetup.ShiftAsync(app, soon.Summary.Id, now.AddHours(-4), now.AddHours(-1));
        await app.Factory.WithDbAsync(async db =>
        {
            var s = await db.ActivitySignups.FirstAsync(x => x.ActivityId == soon.Summary.Id);
            s.CorrectTimes(now.AddHours(-4).AddMinutes(-10), now.AddHours(-2));
            await db.SaveChangesAsync();
            return true;
        });
        d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{soon.Summary.Id}"));
        d = await Staff(officer, $"{Base}/{soon.Summary.Id}/finish", new { version = d.Summary.Version });
        Assert.Equal(ActivityStatus.Finished, d.Summary.Status);
        Assert.Equal(120, d.Signups[0].MinutesCredited);
        Assert.Equal(20, d.Signups[0].PointsCredited);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{Base}/{soon.Summary.Id}/finish", new { version = d.Summary.Version }),
            HttpStatusCode.Conflict
        );
        var credits = await app.Factory.WithDbAsync(db =>
            db.VolunteerCredits.Where(c => c.Source == CreditSource.Activity && c.SourceId == soon.Summary.Id).ToListAsync()
        );
        Assert.Equal(120, Assert.Single(credits).Minutes);
        var hours = await ApiAssert.OkAsync<MyHours>(await v.GetAsync($"{Base}/mine/hours"));
        Assert.Equal(120, hours.TotalMinutes);
        Assert.Equal(20, hours.TotalPoints);
        Assert.Contains(hours.Recent, l => l.ActivityId == soon.Summary.Id && l.Title == "东峪村夜间巡逻");
    }

    [Fact]
    public async Task Without_coordinates_the_organiser_checks_in_and_times_outside_the_window_are_refused()
    {
        var officer = await app.As("officer1");
        var v = await VolunteerAsync();
        var now = DateTimeOffset.UtcNow;
        var a = await CreateAsync(officer, Village1, now.AddDays(9), located: false, kind: "Search");
        await Post(v, $"{Base}/{a.Summary.Id}/signup");
        var d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        var signup = d.Signups[0].Id;
        await Staff(officer, $"{Base}/{a.Summary.Id}/signups/{signup}/approve");
        await ActivitySetup.ShiftAsync(app, a.Summary.Id, now.AddHours(-5), now.AddHours(-2));
        var self = await ApiAssert.ProblemAsync(
            await v.PostAsJsonAsync($"{Base}/{a.Summary.Id}/checkin", new { lat = Lat, lng = Lng }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("签到时间", self.GetRawText()); // the window closed at the end
        var tooEarly = await officer.PostAsJsonAsync($"{Base}/{a.Summary.Id}/signups/{signup}/checkin", new { at = now.AddHours(-6) });
        await ApiAssert.ProblemAsync(tooEarly, HttpStatusCode.UnprocessableEntity);
        await Staff(officer, $"{Base}/{a.Summary.Id}/signups/{signup}/checkin", new { at = now.AddHours(-5).AddMinutes(-20) });
        await Staff(officer, $"{Base}/{a.Summary.Id}/signups/{signup}/checkout", new { at = now.AddHours(-3) });
        d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        Assert.Equal(CheckMethod.Organizer, d.Signups[0].CheckInMethod);
        d = await Staff(officer, $"{Base}/{a.Summary.Id}/finish", new { version = d.Summary.Version });
        Assert.Equal(120, d.Signups[0].MinutesCredited);
        Assert.Equal(40, d.Signups[0].PointsCredited); // 2 h × 10 + the search bonus of 20
    }

    [Fact]
    public async Task Cancelling_tells_everyone_signed_up_and_changes_nothing_without_a_reason()
    {
        var officer = await app.As("officer1");
        var a = await CreateAsync(officer, Village1, DateTimeOffset.UtcNow.AddDays(11), quota: 1);
        var one = await VolunteerAsync();
        var two = await VolunteerAsync();
        await Post(one, $"{Base}/{a.Summary.Id}/signup");
        await Post(two, $"{Base}/{a.Summary.Id}/signup");
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{Base}/{a.Summary.Id}/cancel", new { version = a.Summary.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        var d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        d = await Staff(officer, $"{Base}/{a.Summary.Id}/cancel", new { reason = "暴雨预警，改期", version = d.Summary.Version });
        Assert.Equal(ActivityStatus.Cancelled, d.Summary.Status);
        Assert.All(d.Signups, s => Assert.Equal(SignupStatus.Cancelled, s.Status));
        var accounts = d.Signups.Select(s => s.VolunteerId).ToList();
        var told = await app.Factory.WithDbAsync(async db =>
        {
            var users = await db.Volunteers.Where(v => accounts.Contains(v.Id)).Select(v => v.UserId).ToListAsync();
            return await db.Notifications.CountAsync(n =>
                users.Contains(n.UserId) && n.Title.StartsWith("活动取消") && n.Body!.Contains("暴雨预警")
            );
        });
        Assert.Equal(2, told);
        await ApiAssert.ProblemAsync(await one.PostAsJsonAsync($"{Base}/{a.Summary.Id}/signup", new { }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Scope_keeps_each_station_to_its_own_activities_and_volunteers_to_what_is_meant_for_them()
    {
        var officer1 = await app.As("officer1");
        var officer2 = await app.As("officer2");
        var a = await CreateAsync(officer1, Village1, DateTimeOffset.UtcNow.AddDays(13));
        await ApiAssert.ProblemAsync(await officer2.GetAsync($"{Base}/{a.Summary.Id}"), HttpStatusCode.NotFound);
        var list2 = await ApiAssert.OkAsync<PagedResult<ActivityRow>>(await officer2.GetAsync($"{Base}?pageSize=200"));
        Assert.DoesNotContain(list2.Items, r => r.Id == a.Summary.Id);
        var across = await officer2.PostAsJsonAsync(
            Base,
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "越权",
                place = "x",
                startsAt = DateTimeOffset.UtcNow.AddDays(1),
                endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(1),
                quota = 1,
            }
        );
        await ApiAssert.ProblemAsync(across, HttpStatusCode.Forbidden);

        var station2Volunteer = await VolunteerAsync(app.World.Grids[1].Id);
        var seen = await ApiAssert.OkAsync<PagedResult<VolunteerActivityRow>>(
            await station2Volunteer.GetAsync($"{Base}/mine?pageSize=200")
        );
        Assert.DoesNotContain(seen.Items, r => r.Id == a.Summary.Id);
        await ApiAssert.ProblemAsync(
            await station2Volunteer.PostAsJsonAsync($"{Base}/{a.Summary.Id}/signup", new { }),
            HttpStatusCode.NotFound
        );

        // Aimed at one squad: its members see it, other volunteers of the same village do not.
        var (memberName, memberId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        var squad = await ActivitySetup.SquadAsync(app, Village1, "东峪巡逻中队", (memberId, SquadRole.Member));
        var aimed = await CreateAsync(officer1, Village1, DateTimeOffset.UtcNow.AddDays(13), squads: [squad]);
        var member = await app.As(memberName);
        var outsider = await VolunteerAsync();
        Assert.Contains(
            (await ApiAssert.OkAsync<PagedResult<VolunteerActivityRow>>(await member.GetAsync($"{Base}/mine?pageSize=200"))).Items,
            r => r.Id == aimed.Summary.Id
        );
        Assert.DoesNotContain(
            (await ApiAssert.OkAsync<PagedResult<VolunteerActivityRow>>(await outsider.GetAsync($"{Base}/mine?pageSize=200"))).Items,
            r => r.Id == aimed.Summary.Id
        );
        await ApiAssert.ProblemAsync(await outsider.PostAsJsonAsync($"{Base}/{aimed.Summary.Id}/signup", new { }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_volunteer_sees_no_staff_ledger_no_residents_and_no_other_volunteers_numbers()
    {
        await ActivitySetup.SkillsAsync(app);
        var officer = await app.As("officer1");
        await ActivitySetup.VolunteerForAsync(app, "volunteer1", VolunteerStatus.Active, "first-aid");
        var volunteer = await app.As("volunteer1");
        var a = await CreateAsync(officer, Village1, DateTimeOffset.UtcNow.AddDays(15), skills: ["first-aid", "rescue"]);
        var other = await VolunteerAsync();
        await Post(other, $"{Base}/{a.Summary.Id}/signup");
        await app.Factory.WithDbAsync(async db =>
        {
            var v = await db.Volunteers.FirstAsync(x =>
                x.Id == db.ActivitySignups.Where(s => s.ActivityId == a.Summary.Id).Select(s => s.VolunteerId).First()
            );
            var protector = app.Factory.Services.GetRequiredService<PersonalDataProtector>();
            v.CorrectPhone(protector.Protect("13912345678", PhoneNumber.Mask));
            await db.SaveChangesAsync();
            return true;
        });

        foreach (var url in new[] { Base, $"{Base}/{a.Summary.Id}", $"{Base}/export", "/api/v1/residents", "/api/v1/disputes" })
            Assert.Equal(HttpStatusCode.Forbidden, (await volunteer.GetAsync(url)).StatusCode);
        var text = await (await volunteer.GetAsync($"{Base}/mine?pageSize=200")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("1391234", text);
        Assert.DoesNotContain("5678", text);
        Assert.DoesNotContain(app.World.ResidentIds["张三1"].ToString(), text);
        var row = await ApiAssert.OkAsync<VolunteerActivityRow>(await volunteer.GetAsync($"{Base}/mine/{a.Summary.Id}"));
        Assert.Equal(["first-aid"], row.SkillsMatched);
        Assert.Equal(1, row.Taken);

        // Staff see the other volunteer's phone masked only.
        var staffView = await (await officer.GetAsync($"{Base}/{a.Summary.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("13912345678", staffView);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_field_errors_and_nothing_is_saved()
    {
        var officer = await app.As("officer1");
        var before = await app.Factory.WithDbAsync(db => db.Activities.CountAsync());
        var start = DateTimeOffset.UtcNow.AddDays(2);
        var cases = new object[]
        {
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(-1),
                quota = 1,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddDays(8),
                quota = 1,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 0,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
                lat = 36.6,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
                lat = 136.6,
                lng = 10.0,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
                skillCodes = new[] { "no-such-skill" },
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
                squadIds = new[] { Guid.NewGuid() },
            },
            new
            {
                orgUnitId = Village1,
                title = "巡逻",
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
            },
            new
            {
                orgUnitId = Village1,
                kind = "Patrol",
                title = new string('长', 200),
                place = "x",
                startsAt = start,
                endsAt = start.AddHours(1),
                quota = 1,
            },
        };
        foreach (var body in cases)
            await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(Base, body), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await officer.PostAsync(Base, new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"))).StatusCode
        );
        await ApiAssert.ProblemAsync(await officer.GetAsync($"{Base}?pageSize=1000"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Activities.CountAsync()));
        var volunteer = await VolunteerAsync();
        await ApiAssert.ProblemAsync(await volunteer.PostAsJsonAsync(Base, cases[0]), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_organiser_posts_a_report_with_photos_that_becomes_a_feed_post_and_bad_photos_are_refused()
    {
        var officer = await app.As("officer1");
        var now = DateTimeOffset.UtcNow;
        var a = await CreateAsync(officer, Village1, now.AddDays(17));
        var (leaderName, leaderId) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        await ActivitySetup.SquadAsync(app, Village1, "东峪应急中队", (leaderId, SquadRole.Leader));
        var leader = await app.As(leaderName);
        var plain = await VolunteerAsync();
        await Post(leader, $"{Base}/{a.Summary.Id}/signup");
        await Post(plain, $"{Base}/{a.Summary.Id}/signup");
        var d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        foreach (var s in d.Signups)
            await Staff(officer, $"{Base}/{a.Summary.Id}/signups/{s.Id}/approve");

        static MultipartFormDataContent Form(string body, params (string Name, byte[] Data)[] files)
        {
            var form = new MultipartFormDataContent { { new StringContent(body), "body" } };
            foreach (var (name, data) in files)
            {
                var part = new ByteArrayContent(data);
                part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                form.Add(part, "photos", name);
            }
            return form;
        }

        // Not before the activity is finished.
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"{Base}/{a.Summary.Id}/report", Form("巡逻顺利", ("a.png", ActivitySetup.Png()))),
            HttpStatusCode.Conflict
        );
        await ActivitySetup.ShiftAsync(app, a.Summary.Id, now.AddHours(-3), now.AddHours(-1));
        d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        await Staff(officer, $"{Base}/{a.Summary.Id}/finish", new { version = d.Summary.Version });

        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"{Base}/{a.Summary.Id}/report", Form("巡逻顺利", ("a.png", "not a picture"u8.ToArray()))),
            HttpStatusCode.UnprocessableEntity
        );
        var big = ActivitySetup.Png((int)Lianxin.Core.Volunteers.PhotoStore.MaxBytes + 1);
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"{Base}/{a.Summary.Id}/report", Form("巡逻顺利", ("big.png", big))),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"{Base}/{a.Summary.Id}/report", Form("", ("a.png", ActivitySetup.Png()))),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await plain.PostAsync($"{Base}/{a.Summary.Id}/report", Form("我也来写", ("a.png", ActivitySetup.Png()))),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.FeedPosts.CountAsync(p => p.ActivityId == a.Summary.Id)));

        var report = await ApiAssert.OkAsync<ReportView>(
            await leader.PostAsync(
                $"{Base}/{a.Summary.Id}/report",
                Form("两小时巡逻，劝离深夜逗留青少年 3 人", ("one.png", ActivitySetup.Png()), ("two.png", ActivitySetup.Png(80)))
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(2, report.PhotoIds.Count);
        var post = await app.Factory.WithDbAsync(db => db.FeedPosts.AsNoTracking().FirstAsync(p => p.Id == report.PostId));
        Assert.Equal(FeedPostKind.ActivityReport, post.Kind);
        Assert.Equal(a.Summary.Id, post.ActivityId);
        Assert.Equal(Village1, post.OrgUnitId);
        Assert.Equal(
            2,
            await app.Factory.WithDbAsync(db => db.Photos.CountAsync(p => p.OwnerKind == PhotoOwner.FeedPost && p.OwnerId == post.Id))
        );
        await ApiAssert.ProblemAsync(await officer.PostAsync($"{Base}/{a.Summary.Id}/report", Form("再写一篇")), HttpStatusCode.Conflict);

        var photo = await plain.GetAsync($"{Base}/{a.Summary.Id}/photos/{report.PhotoIds[0]}");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        var station2 = await VolunteerAsync(app.World.Grids[1].Id);
        Assert.Equal(HttpStatusCode.NotFound, (await station2.GetAsync($"{Base}/{a.Summary.Id}/photos/{report.PhotoIds[0]}")).StatusCode);
        Assert.Equal(
            report.PostId,
            (await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"))).ReportPostId
        );
    }

    [Fact]
    public async Task Reminders_go_to_approved_volunteers_before_the_start_and_to_the_organiser_of_an_unfinished_activity_once()
    {
        var officer = await app.As("officer1");
        var now = DateTimeOffset.UtcNow;
        var a = await CreateAsync(officer, Village1, now.AddDays(19));
        var (name, _) = await ActivitySetup.NewVolunteerAsync(app, app.World.Grids[0].Id);
        await Post(await app.As(name), $"{Base}/{a.Summary.Id}/signup");
        var d = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Base}/{a.Summary.Id}"));
        await Staff(officer, $"{Base}/{a.Summary.Id}/signups/{d.Signups[0].Id}/approve");
        await ActivitySetup.ShiftAsync(app, a.Summary.Id, now.AddMinutes(90), now.AddHours(3));

        async Task<int> SweepAsync(DateTimeOffset at) =>
            await app.Factory.WithScopeAsync(async sp =>
            {
                var total = 0;
                foreach (var source in sp.GetServices<IReminderSource>().OfType<ActivityReminders>())
                    total += await source.SendDueAsync(at, CancellationToken.None);
                return total;
            });
        var account = app.World.UserIds.GetValueOrDefault(name)
            ?? await app.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == name).Select(u => u.Id).FirstAsync());
        Assert.True(await SweepAsync(now) >= 1);
        await SweepAsync(now.AddMinutes(1));
        Assert.Equal(
            1,
            await app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == account && n.Title.StartsWith("活动即将开始")))
        );

        var organiser = app.World.UserIds["officer1"];
        var later = now.AddHours(3 + 13);
        await SweepAsync(later);
        await SweepAsync(later.AddMinutes(5));
        Assert.Equal(
            1,
            await app.Factory.WithDbAsync(db =>
                db.Notifications.CountAsync(n =>
                    n.UserId == organiser && n.Link == $"/volunteers/activities/{a.Summary.Id}" && n.Title.StartsWith("活动未结束")
                )
            )
        );
    }

    [Fact]
    public async Task The_ledger_filters_pages_and_exports_with_an_audit_line()
    {
        var leader = await app.As("leader1");
        var a = await CreateAsync(leader, app.World.Stations[0].Id, DateTimeOffset.UtcNow.AddDays(21), kind: "SchoolGuard");
        var day = ChinaTime.Day(a.Summary.StartsAt);
        var page = await ApiAssert.OkAsync<PagedResult<ActivityRow>>(
            await leader.GetAsync($"{Base}?kind=SchoolGuard&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}&pageSize=5")
        );
        Assert.Contains(page.Items, r => r.Id == a.Summary.Id);
        Assert.All(page.Items, r => Assert.Equal(ActivityKind.SchoolGuard, r.Kind));
        var none = await ApiAssert.OkAsync<PagedResult<ActivityRow>>(
            await leader.GetAsync($"{Base}?kind=SchoolGuard&status=Cancelled&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}")
        );
        Assert.DoesNotContain(none.Items, r => r.Id == a.Summary.Id);
        var file = await leader.GetAsync($"{Base}/export?kind=SchoolGuard");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.True(
            await app.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "export" && e.EntityType == nameof(Activity)))
        );
        var officer = await app.As("officer1"); // community officers keep their own area's ledger
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"{Base}/export")).StatusCode);
        var auxiliary = await app.As("auxiliary1");
        Assert.Equal(HttpStatusCode.Forbidden, (await auxiliary.GetAsync($"{Base}/export")).StatusCode);
    }
}
