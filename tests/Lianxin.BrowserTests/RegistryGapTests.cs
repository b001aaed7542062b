using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Honours;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>An officer registers an elderly volunteer who has no smartphone from the registry page, and corrects the
/// hours of a training whose attendance is already credited.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistryGapTests(BrowserFixture app)
{
    [Fact]
    public async Task An_officer_registers_a_volunteer_without_a_phone_and_the_record_is_active_at_once()
    {
        var village = app.World.Villages[0];
        var phone = "137" + Random.Shared.Next(0, 100_000_000).ToString("00000000");
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, "/volunteers");
        await page.GetByTestId("vol-register").ClickAsync();
        await page.GetByTestId("vol-new-name").FillAsync("孙德福");
        await page.GetByTestId("vol-new-phone").FillAsync(phone);
        await BrowserFixture.ChooseAsync(page, page.GetByTestId("vol-new-unit"), village.Name);
        await page.GetByTestId("vol-new-note").FillAsync("不用智能手机，巡逻由村委会通知");
        await BrowserFixture.ShotAsync(page, "registry-register-dialog");
        await page.GetByTestId("vol-new-save").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/volunteers/[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("vol-history").GetByText("由民警登记")).ToBeVisibleAsync();
        var saved = await app.Factory.WithDbAsync(db =>
            db.Volunteers.AsNoTracking()
                .Where(v => v.Name == "孙德福" && v.OrgUnitId == village.Id)
                .OrderByDescending(v => v.AppliedAt)
                .FirstAsync()
        );
        Assert.Equal(VolunteerStatus.Active, saved.Status);
        Assert.Null(saved.UserId);
        await BrowserFixture.ShotAsync(page, "registry-registered");

        // The same phone again is refused with a reason, and the dialog keeps what was typed.
        await BrowserFixture.OpenAsync(page, "/volunteers");
        await page.GetByTestId("vol-register").ClickAsync();
        await page.GetByTestId("vol-new-name").FillAsync("孙德福");
        await page.GetByTestId("vol-new-phone").FillAsync(phone);
        await BrowserFixture.ChooseAsync(page, page.GetByTestId("vol-new-unit"), village.Name);
        await page.GetByTestId("vol-new-save").ClickAsync();
        await Expect(page.GetByText("该电话号码已在本所义警名册中").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("vol-new-name")).ToHaveValueAsync("孙德福");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Editing_the_hours_of_a_credited_training_moves_the_credited_hours()
    {
        var w = app.World;
        var (volunteer, session) = await app.Factory.WithDbAsync(async db =>
        {
            var v = Volunteer.Registered(
                new VolunteerDetails(
                    "周桂兰",
                    Lianxin.Core.Common.Gender.Unknown,
                    Lianxin.Core.Common.ProtectedText.Empty,
                    Lianxin.Core.Common.ProtectedText.Empty,
                    w.Villages[0].Id,
                    [],
                    VolunteerAvailability.None
                ),
                DateTimeOffset.UtcNow.AddYears(-1)
            );
            var s = new TrainingSession
            {
                OrgUnitId = w.Villages[0].Id,
                Title = "消防安全培训",
                Trainer = "县消防救援大队",
                Place = "村委会会议室",
                StartsAt = DateTimeOffset.UtcNow.AddHours(-5),
                Minutes = 120,
                Points = 2,
            };
            db.Volunteers.Add(v);
            db.TrainingSessions.Add(s);
            var attendance = TrainingAttendance.Of(s.Id, v.Id);
            attendance.Record(attended: true, passed: false, null, DateTimeOffset.UtcNow);
            db.TrainingAttendances.Add(attendance);
            db.VolunteerCredits.Add(
                new VolunteerCredit
                {
                    VolunteerId = v.Id,
                    OrgUnitId = v.OrgUnitId,
                    Source = CreditSource.Training,
                    SourceId = s.Id,
                    At = s.StartsAt,
                    Minutes = 120,
                    Points = 2,
                    Reason = "参加培训：消防安全培训",
                }
            );
            await db.SaveChangesAsync();
            return (v.Id, s.Id);
        });

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, $"/volunteers/trainings/{session}");
        await page.GetByTestId("training-edit").ClickAsync();
        await Expect(page.GetByTestId("training-edit-credited")).ToBeVisibleAsync();
        await page.GetByTestId("training-edit-hours").FillAsync("3");
        await page.GetByTestId("training-edit-points").FillAsync("4");
        await page.GetByTestId("training-edit-title").FillAsync("消防安全与逃生培训");
        await BrowserFixture.ShotAsync(page, "training-edit-dialog");
        await page.GetByTestId("training-edit-save").ClickAsync();
        await Expect(page.GetByTestId("training-heading")).ToHaveTextAsync("消防安全与逃生培训");
        await Expect(page.GetByTestId("training-credit")).ToContainTextAsync("3 小时、4 积分");
        var credits = await app.Factory.WithDbAsync(db =>
            db.VolunteerCredits.AsNoTracking()
                .Where(c => c.VolunteerId == volunteer && c.SourceId == session)
                .Select(c => new { c.Minutes, c.Points })
                .ToListAsync()
        );
        Assert.Equal((180, 4), credits.Select(c => (c.Minutes, c.Points)).Single());
        await page.Context.CloseAsync();
    }
}
