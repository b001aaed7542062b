using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>An officer publishes a school-guard post for one squad from the dialog and later edits it; a squad
/// leader writes the report of a finished patrol with a photo on the phone; the officer posts a notice with a photo.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActivityEditTests(BrowserFixture app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private static ILocator Input(IPage page, string testId) =>
        page.Locator($".mud-dialog [data-testid={testId}]").Locator("xpath=descendant-or-self::input | descendant-or-self::textarea").First;

    private static string Local(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm");

    [Fact]
    public async Task An_officer_publishes_an_activity_for_a_squad_and_edits_it_before_it_starts()
    {
        var squadName = "护学中队" + Guid.NewGuid().ToString("N")[..4];
        var squadId = await app.Factory.WithDbAsync(async db =>
        {
            var s = new Squad
            {
                OrgUnitId = app.World.Villages[0].Id,
                Name = squadName,
                TypeCode = "school-guard",
            };
            db.Squads.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var title = "东峪小学护学岗" + Guid.NewGuid().ToString("N")[..4];
        var start = DateTimeOffset.UtcNow.AddDays(2);

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, "/volunteers/activities");
        await page.GetByTestId("act-new").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await Input(page, "act-title").FillAsync(title);
        await BrowserFixture.ChooseAsync(page, Input(page, "act-unit"), "东峪村");
        await Input(page, "act-place").FillAsync("东峪小学校门口");
        await Input(page, "act-start").FillAsync(Local(start));
        await Input(page, "act-end").FillAsync(Local(start.AddHours(1)));
        await Input(page, "act-quota").FillAsync("4");
        await page.Locator(".mud-dialog [data-testid=act-squads]")
            .Locator("xpath=ancestor-or-self::div[contains(@class,'mud-select')][1]")
            .ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = squadName }).First.ClickAsync();
        await page.Locator(".mud-dialog .mud-dialog-title").ClickAsync(new() { Force = true });
        await BrowserFixture.ShotAsync(page, "activity-dialog-new");
        await page.GetByTestId("act-publish").ClickAsync();

        await Expect(page.GetByTestId("act-detail-title")).ToHaveTextAsync(title);
        await Expect(page.GetByTestId("act-status")).ToHaveTextAsync("已发布");
        await Expect(page.GetByText(squadName)).ToBeVisibleAsync();
        var id = await app.Factory.WithDbAsync(db => db.Activities.Where(a => a.Title == title).Select(a => a.Id).FirstAsync());
        Assert.Equal(
            [squadId],
            await app.Factory.WithDbAsync(db => db.ActivitySquads.Where(t => t.ActivityId == id).Select(t => t.SquadId).ToListAsync())
        );

        // Edited before the start: a new name and more places, still for the same squad.
        await page.GetByTestId("act-edit").ClickAsync();
        await Expect(Input(page, "act-title")).ToHaveValueAsync(title);
        await Input(page, "act-title").FillAsync(title + "（加人）");
        await Input(page, "act-quota").FillAsync("8");
        await page.GetByTestId("act-save").ClickAsync();
        await Expect(page.GetByTestId("act-detail-title")).ToHaveTextAsync(title + "（加人）");
        await Expect(page.GetByText("通过 0/8")).ToBeVisibleAsync();
        var saved = await app.Factory.WithDbAsync(db =>
            db.Activities.Include(a => a.TargetSquads).AsNoTracking().FirstAsync(a => a.Id == id)
        );
        Assert.Equal(8, saved.Quota);
        Assert.False(saved.OpenToAll);
        Assert.Equal([squadId], saved.TargetSquads.Select(t => t.SquadId));
        await BrowserFixture.ShotAsync(page, "activity-edited");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_squad_leader_reports_a_finished_patrol_with_a_photo_from_the_phone_and_staff_post_a_notice_with_a_photo()
    {
        var grid = app.World.Grids[0].Id;
        var name = await app.NewAccountAsync(
            "reportlead" + Guid.NewGuid().ToString("N")[..6],
            BuiltInRoles.Volunteer,
            grid,
            mustChange: false
        );
        var title = "东峪村夜间巡逻" + Guid.NewGuid().ToString("N")[..4];
        var activityId = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var account = await db.Users.FirstAsync(u => u.UserName == name);
            var v = Volunteer.Registered(
                new VolunteerDetails(
                    "巡逻队长",
                    Gender.Unknown,
                    ProtectedText.Empty,
                    ProtectedText.Empty,
                    grid,
                    [],
                    VolunteerAvailability.None
                ),
                DateTimeOffset.UtcNow
            );
            v.LinkAccount(account.Id);
            db.Volunteers.Add(v);
            var squad = new Squad
            {
                OrgUnitId = app.World.Villages[0].Id,
                Name = "巡逻中队" + Guid.NewGuid().ToString("N")[..4],
                TypeCode = "patrol",
            };
            db.Squads.Add(squad);
            db.SquadMembers.Add(
                new SquadMember
                {
                    SquadId = squad.Id,
                    VolunteerId = v.Id,
                    Role = SquadRole.Leader,
                    JoinedAt = DateTimeOffset.UtcNow,
                }
            );
            var now = DateTimeOffset.UtcNow;
            var a = new Activity
            {
                OrgUnitId = app.World.Villages[0].Id,
                Kind = ActivityKind.Patrol,
                Title = title,
                Place = "东峪村委会门口",
                StartsAt = now.AddHours(-3),
                EndsAt = now.AddHours(-1),
                Quota = 5,
                OrganizerId = app.World.UserIds["officer1"],
                OrganizerName = "officer1",
            };
            a.Publish(now.AddDays(-1));
            a.Finish(now);
            db.Activities.Add(a);
            var signup = ActivitySignup.SignUp(a.Id, v.Id, SignupStatus.Pending, null, now.AddDays(-1));
            signup.Approve(app.World.UserIds["officer1"], now.AddDays(-1));
            signup.CheckIn(now.AddHours(-3), CheckMethod.Organizer);
            signup.CheckOut(now.AddHours(-1), CheckMethod.Organizer);
            signup.Credit(120, 10);
            db.ActivitySignups.Add(signup);
            await db.SaveChangesAsync();
            return a.Id;
        });

        var phone = await app.NewPageAsync(phone: true);
        await app.SignInAsync(phone, name, path: "/m/login");
        await phone.GotoAsync("/m/volunteer/activities");
        var due = phone.GetByTestId("m-act-report-due").Filter(new() { HasText = title });
        await Expect(due).ToBeVisibleAsync();
        await due.GetByTestId("m-act-write-report").ClickAsync();
        await Expect(phone.GetByTestId("m-report-activity")).ToHaveTextAsync(title);
        await phone.GetByTestId("m-report-body").FillAsync("两小时巡逻，提醒村民锁好电动车，劝离深夜逗留青少年 3 人。");
        await phone
            .GetByTestId("m-report-photos")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "巡逻.png",
                    MimeType = "image/png",
                    Buffer = Png,
                }
            );
        await phone.GetByTestId("m-report-submit").ClickAsync();
        await Expect(phone.GetByTestId("m-report-done")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("m-report")).ToContainTextAsync("劝离深夜逗留青少年");
        await Expect(phone.GetByTestId("m-report-photo")).ToHaveCountAsync(1);
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await BrowserFixture.ShotAsync(phone, "activity-report-phone");
        await phone.GotoAsync("/m/volunteer/activities");
        await Expect(phone.GetByTestId("m-act-report-due").Filter(new() { HasText = title })).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();

        var post = await app.Factory.WithDbAsync(db => db.FeedPosts.AsNoTracking().FirstAsync(p => p.ActivityId == activityId));
        Assert.Equal(FeedPostKind.ActivityReport, post.Kind);
        Assert.Equal("巡逻队长", post.AuthorName);
        Assert.Equal(
            1,
            await app.Factory.WithDbAsync(db => db.Photos.CountAsync(p => p.OwnerKind == PhotoOwner.FeedPost && p.OwnerId == post.Id))
        );

        // The officer sees the report on the activity page and posts a notice with a photo on the feed page.
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, $"/volunteers/activities/{activityId}");
        await Expect(page.GetByTestId("act-report")).ToContainTextAsync("劝离深夜逗留青少年");
        await Expect(page.GetByTestId("act-report-photo")).ToHaveCountAsync(1);

        var notice = "周末防汛值守" + Guid.NewGuid().ToString("N")[..4];
        await BrowserFixture.OpenAsync(page, "/volunteers/feed");
        await page.GetByTestId("feed-new-notice").ClickAsync();
        await page.GetByTestId("feed-notice-body")
            .Locator("xpath=descendant-or-self::textarea")
            .First.FillAsync(notice + "：各中队按排班表到岗。");
        await page.Locator("[data-testid=feed-notice-photos] input[type=file], input[type=file]")
            .First.SetInputFilesAsync(
                new FilePayload
                {
                    Name = "排班表.png",
                    MimeType = "image/png",
                    Buffer = Png,
                }
            );
        await Expect(page.GetByTestId("feed-notice-picked")).ToContainTextAsync("已选 1 张");
        await page.GetByTestId("feed-notice-publish").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "通知已发布" })).ToBeVisibleAsync();
        await page.GetByTestId("feed-table").Locator("tr").Filter(new() { HasText = notice }).First.ClickAsync();
        await Expect(page.GetByTestId("feed-photo")).ToHaveCountAsync(1);
        await BrowserFixture.ShotAsync(page, "feed-notice-photo");
        var noticePost = await app.Factory.WithDbAsync(db => db.FeedPosts.AsNoTracking().FirstAsync(p => p.Body.StartsWith(notice)));
        Assert.Equal(FeedPostKind.Notice, noticePost.Kind);
        await page.Context.CloseAsync();
    }
}
