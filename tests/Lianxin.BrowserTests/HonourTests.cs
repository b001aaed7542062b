using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Honours;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>A first-aid training: the officer records a volunteer as passed from the roster, the ranking and
/// the figures show it, the station leader prints the certificate of honour, and the volunteer finds the
/// training certificate on the phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HonourTests(BrowserFixture app)
{
    [Fact]
    public async Task A_passed_training_shows_in_the_ranking_the_figures_the_certificate_and_on_the_phone()
    {
        var w = app.World;
        var userId = w.UserIds["volunteer1"];
        var (volunteer, session) = await app.Factory.WithDbAsync(async db =>
        {
            var v = await db.Volunteers.FirstOrDefaultAsync(x => x.UserId == userId);
            if (v is null)
            {
                v = Volunteer.Registered(
                    new VolunteerDetails(
                        "韩晓梅",
                        Lianxin.Core.Common.Gender.Unknown,
                        Lianxin.Core.Common.ProtectedText.Empty,
                        Lianxin.Core.Common.ProtectedText.Empty,
                        w.Grids[0].Id,
                        [],
                        VolunteerAvailability.None
                    ),
                    DateTimeOffset.UtcNow.AddYears(-1)
                );
                v.LinkAccount(userId);
                db.Volunteers.Add(v);
            }
            var s = new TrainingSession
            {
                OrgUnitId = w.Villages[0].Id,
                Title = "应急救护培训",
                Trainer = "县红十字会",
                Place = "东峪村党群服务中心",
                StartsAt = DateTimeOffset.UtcNow.AddHours(-3),
                Minutes = 180,
                Points = 3,
            };
            db.TrainingSessions.Add(s);
            await db.SaveChangesAsync();
            return (v, s.Id);
        });

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, $"/volunteers/trainings/{session}");
        await Expect(page.GetByTestId("attendance-empty")).ToBeVisibleAsync();
        await page.Locator("[data-testid=roster-table] tbody tr")
            .Filter(new() { HasText = volunteer.Name })
            .Locator("input[type=checkbox]")
            .CheckAsync();
        await page.GetByTestId("roster-passed").ClickAsync();
        await Expect(page.GetByTestId("attendance-certificate").First).ToContainTextAsync("义警培训-");
        await Expect(page.GetByTestId("training-counts")).ToContainTextAsync("出席 1 人，合格 1 人");
        await BrowserFixture.ShotAsync(page, "honour-training");

        await BrowserFixture.OpenAsync(page, "/volunteers/ranking");
        await Expect(page.GetByTestId("ranking-name").Filter(new() { HasText = volunteer.Name[..1] + "**" }).First).ToBeVisibleAsync();
        await BrowserFixture.OpenAsync(page, "/volunteers/figures");
        await Expect(page.GetByTestId("vfigure-active-definition")).ToContainTextAsync("96 小时");
        await Expect(page.GetByTestId("vfigures-units")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "honour-figures");
        await page.Context.CloseAsync();

        var leader = await app.NewPageAsync();
        await app.SignInAsync(leader, "leader1");
        await leader.GotoAsync($"/volunteers/{volunteer.Id}/honour/{Lianxin.Core.Common.ChinaTime.Day(DateTimeOffset.UtcNow).Year}");
        await Expect(leader.GetByTestId("honour-name")).ToHaveTextAsync(volunteer.Name);
        await Expect(leader.GetByTestId("honour-station")).ToHaveTextAsync("第1派出所");
        await BrowserFixture.ShotAsync(leader, "honour-certificate");
        await leader.Context.CloseAsync();

        var phone = await app.NewPageAsync(phone: true);
        await app.SignInAsync(phone, "volunteer1", path: "/m/login");
        await phone.GotoAsync("/m/profile");
        await phone.GetByTestId("m-honours-link").ClickAsync();
        await Expect(phone.GetByTestId("m-certificate").First).ToContainTextAsync("义警培训-");
        await Expect(phone.GetByTestId("m-honours-hours")).ToContainTextAsync("3");
        await BrowserFixture.ShotAsync(phone, "honour-phone");
        await phone.Context.CloseAsync();
    }
}
