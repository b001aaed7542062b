using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>A volunteer signs up for a patrol on a phone, the officer approves, the volunteer checks in and
/// out at the gathering point by location, and the officer finishes the patrol and posts a report with a photo.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VolunteerActivityTests(BrowserFixture app)
{
    private const double Lat = 38.31,
        Lng = 114.01;

    [Fact]
    public async Task A_volunteer_signs_up_checks_in_and_out_and_the_organiser_reports_with_a_photo()
    {
        var grid = app.World.Grids[0].Id;
        var name = await app.NewAccountAsync(
            "patrolvol" + Guid.NewGuid().ToString("N")[..6],
            BuiltInRoles.Volunteer,
            grid,
            mustChange: false
        );
        var title = "东峪村护村巡逻" + Guid.NewGuid().ToString("N")[..4];
        var activityId = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var account = await db.Users.FirstAsync(u => u.UserName == name);
            var v = Volunteer.Registered(
                new VolunteerDetails(
                    "巡逻义警",
                    Lianxin.Core.Common.Gender.Unknown,
                    Lianxin.Core.Common.ProtectedText.Empty,
                    Lianxin.Core.Common.ProtectedText.Empty,
                    grid,
                    [],
                    VolunteerAvailability.None
                ),
                DateTimeOffset.UtcNow
            );
            v.LinkAccount(account.Id);
            db.Volunteers.Add(v);
            var a = new Activity
            {
                OrgUnitId = app.World.Villages[0].Id,
                Kind = ActivityKind.Patrol,
                Title = title,
                Place = "东峪村委会门口",
                Lat = Lat,
                Lng = Lng,
                StartsAt = DateTimeOffset.UtcNow.AddMinutes(10),
                EndsAt = DateTimeOffset.UtcNow.AddHours(2),
                Quota = 5,
                OrganizerId = app.World.UserIds["officer1"],
                OrganizerName = "officer1",
            };
            a.Publish(DateTimeOffset.UtcNow);
            db.Activities.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });

        var phone = await app.NewPageAsync(phone: true);
        await phone.Context.GrantPermissionsAsync(["geolocation"]);
        await phone.Context.SetGeolocationAsync(new Geolocation { Latitude = (float)(Lat + 0.0005), Longitude = (float)Lng });
        await app.SignInAsync(phone, name, path: "/m/login");
        await phone.GotoAsync("/m/volunteer/activities");
        var item = phone.GetByTestId("m-act-item").Filter(new() { HasText = title });
        await item.GetByTestId("m-act-signup").ClickAsync();
        await Expect(phone.GetByTestId("m-act-done")).ToContainTextAsync("已报名");
        await Expect(item.GetByTestId("m-act-mine")).ToContainTextAsync("待审核");
        await BrowserFixture.ShotAsync(phone, "activity-phone-signed-up");

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, $"/volunteers/activities/{activityId}");
        await Expect(page.GetByTestId("act-detail-title")).ToHaveTextAsync(title);
        await page.GetByTestId("act-approve").ClickAsync();
        await Expect(page.GetByTestId("act-signup-status")).ToContainTextAsync("已通过");

        await phone.GotoAsync("/m/volunteer/activities");
        await item.GetByTestId("m-act-checkin").ClickAsync();
        await Expect(phone.GetByTestId("m-act-done")).ToContainTextAsync("签到成功");
        // Half an hour of patrol passes (the clock cannot wait): the start and the check-in move back together.
        await app.Factory.WithDbAsync(async db =>
        {
            var a = await db.Activities.Include(x => x.Signups).FirstAsync(x => x.Id == activityId);
            a.StartsAt = DateTimeOffset.UtcNow.AddMinutes(-31);
            a.Signups[0].CorrectTimes(DateTimeOffset.UtcNow.AddMinutes(-30));
            await db.SaveChangesAsync();
            return true;
        });
        await phone.GotoAsync("/m/volunteer/activities");
        await item.GetByTestId("m-act-checkout").ClickAsync();
        await Expect(phone.GetByTestId("m-act-done")).ToContainTextAsync("签退成功");
        await BrowserFixture.ShotAsync(phone, "activity-phone-checked-out");
        await phone.Context.CloseAsync();

        await BrowserFixture.OpenAsync(page, $"/volunteers/activities/{activityId}");
        await page.GetByTestId("act-finish").ClickAsync();
        await page.Locator(".mud-dialog button").Filter(new() { HasText = "确定" }).Last.ClickAsync();
        await Expect(page.GetByTestId("act-status")).ToHaveTextAsync("已结束");
        await page.GetByTestId("act-report-body").FillAsync("巡逻两小时，提醒村民锁好电动车，劝离深夜逗留青少年。");
        await page.Locator("input[type=file]")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "巡逻.png",
                    MimeType = "image/png",
                    Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
                }
            );
        await Expect(page.GetByText("已选 1 张")).ToBeVisibleAsync();
        await page.GetByTestId("act-report-submit").ClickAsync();
        await Expect(page.GetByTestId("act-report")).ToContainTextAsync("劝离深夜逗留青少年");
        await Expect(page.GetByTestId("act-report-photo")).ToHaveCountAsync(1);
        await BrowserFixture.ShotAsync(page, "activity-report");

        var post = await app.Factory.WithDbAsync(db => db.FeedPosts.AsNoTracking().FirstAsync(p => p.ActivityId == activityId));
        Assert.Equal(FeedPostKind.ActivityReport, post.Kind);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.VolunteerCredits.CountAsync(c => c.SourceId == activityId)));
    }
}
