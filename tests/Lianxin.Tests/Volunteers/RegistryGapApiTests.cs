using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Honours;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Volunteers;

public sealed class RegistryGapApiSqliteTests(SqliteApp app) : RegistryGapApiTests(app), IClassFixture<SqliteApp>;

public sealed class RegistryGapApiPostgresTests(PostgresApp app) : RegistryGapApiTests(app), IClassFixture<PostgresApp>;

/// <summary>Staff registering a volunteer by hand (and the phone application that later takes that record over), and
/// correcting a training session whose attendance is already credited.</summary>
public abstract class RegistryGapApiTests(AppFixture app)
{
    private static string NewPhone() => "139" + Random.Shared.Next(0, 100_000_000).ToString("00000000");

    private static object Registration(Guid unit, string phone, string? idNumber = null, string name = "赵大爷") =>
        new
        {
            name,
            gender = "Male",
            phone,
            idNumber,
            orgUnitId = unit,
            skills = new[] { "first-aid" },
            availability = "Weekend",
            assistantKindCode = (string?)null,
            note = "不用智能手机，由村里通知",
        };

    /// <summary>A fresh resident account in station <paramref name="station"/>'s grid, with the given phone on the account.</summary>
    private async Task<(HttpClient Client, string UserId)> ResidentAsync(int station, string? phone)
    {
        var userName = "reg" + Guid.NewGuid().ToString("N")[..10];
        var id = await app.Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            var u = new LianxinUser
            {
                UserName = userName,
                DisplayName = userName,
                OrgUnitId = app.World.Grids[station].Id,
                PhoneNumber = phone,
                PasswordChangedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(u, TestWorld.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(u, BuiltInRoles.Resident)).Succeeded);
            return u.Id;
        });
        return (await TestWorld.ClientAsync(app.Factory, userName), id);
    }

    private Task<bool> HasRoleAsync(string userId, string role) =>
        app.Factory.WithDbAsync(db =>
            (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == userId && r.Name == role
                select ur
            ).AnyAsync()
        );

    private static object Application(string phone) =>
        new
        {
            name = "赵大爷",
            gender = "Male",
            phone,
            skills = new[] { "first-aid" },
            availability = "Weekend",
            statement = "孙子帮我装了手机",
        };

    [Fact]
    public async Task Staff_register_an_active_volunteer_without_an_account_and_the_same_phone_or_id_twice_is_refused()
    {
        var (village, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var officer = await app.As("officer1");
        var phone = NewPhone();
        var idNumber = TestWorld.IdFor(1958, Random.Shared.Next(0, 1000));
        var d = await ApiAssert.OkAsync<VolunteerDetail>(
            await officer.PostAsJsonAsync("/api/v1/volunteers", Registration(village.Id, phone, idNumber)),
            HttpStatusCode.Created
        );
        Assert.Equal(VolunteerStatus.Active, d.Summary.Status);
        Assert.NotNull(d.Summary.JoinedAt);
        Assert.False(d.HasAccount);
        Assert.Equal(village.Id, d.Summary.OrgUnitId);
        Assert.Equal(["first-aid"], d.Summary.Skills);
        Assert.Equal(phone[..3] + "****" + phone[7..], d.Summary.PhoneMasked);
        Assert.DoesNotContain(idNumber, System.Text.Json.JsonSerializer.Serialize(d));
        var line = Assert.Single(d.History);
        Assert.Null(line.From);
        Assert.Equal(VolunteerStatus.Active, line.To);
        Assert.Equal("由民警登记", line.Reason);
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Volunteer) && a.EntityId == d.Summary.Id.ToString())
            )
        );
        Assert.Null(await app.Factory.WithDbAsync(db => db.Volunteers.Where(v => v.Id == d.Summary.Id).Select(v => v.UserId).FirstAsync()));

        // The registry lists them and finds them by phone.
        var found = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<VolunteerRow>>(
            await officer.GetAsync($"/api/v1/volunteers?q={phone}")
        );
        Assert.Equal(d.Summary.Id, Assert.Single(found.Items).Id);

        // The same phone, or the same ID number, anywhere in the station is a duplicate.
        var (otherVillage, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var samePhone = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/volunteers", Registration(otherVillage.Id, phone, name: "赵某")),
            HttpStatusCode.Conflict
        );
        Assert.Contains("电话号码已在本所义警名册中", samePhone.GetRawText());
        var sameId = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/volunteers", Registration(otherVillage.Id, NewPhone(), idNumber)),
            HttpStatusCode.Conflict
        );
        Assert.Contains("身份证号已在本所义警名册中", sameId.GetRawText());

        // Another station keeps a registry of its own.
        var leader2 = await app.As("leader2");
        await ApiAssert.OkAsync<VolunteerDetail>(
            await leader2.PostAsJsonAsync("/api/v1/volunteers", Registration(app.World.Villages[1].Id, phone)),
            HttpStatusCode.Created
        );
        Assert.Equal(
            1,
            await app.Factory.WithDbAsync(db => db.Volunteers.CountAsync(v => v.OrgUnitId == village.Id || v.OrgUnitId == otherVillage.Id))
        );
    }

    [Fact]
    public async Task Registering_checks_the_input_the_permission_and_the_scope()
    {
        var officer = await app.As("officer1");
        var unit = app.World.Villages[0].Id;
        async Task Bad(object body, string field)
        {
            var p = await ApiAssert.ProblemAsync(
                await officer.PostAsJsonAsync("/api/v1/volunteers", body),
                HttpStatusCode.UnprocessableEntity
            );
            Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), $"{field} expected in {p.GetRawText()}");
        }
        await Bad(
            new
            {
                name = "甲",
                phone = "12345",
                orgUnitId = unit,
            },
            "phone"
        );
        await Bad(new { name = "甲", orgUnitId = unit }, "phone");
        await Bad(
            new
            {
                name = "",
                phone = NewPhone(),
                orgUnitId = unit,
            },
            "name"
        );
        await Bad(
            new
            {
                name = "甲",
                phone = NewPhone(),
                idNumber = "110101199003071234",
                orgUnitId = unit,
            },
            "idNumber"
        );
        await Bad(new { name = "甲", phone = NewPhone() }, "orgUnitId");
        await Bad(
            new
            {
                name = "甲",
                phone = NewPhone(),
                orgUnitId = unit,
                skills = new[] { "juggling" },
            },
            "skills"
        );
        await Bad(
            new
            {
                name = "甲",
                phone = NewPhone(),
                orgUnitId = unit,
                assistantKindCode = "no-such-kind",
            },
            "assistantKindCode"
        );
        await Bad(
            new
            {
                name = new string('长', 500),
                phone = NewPhone(),
                orgUnitId = unit,
            },
            "name"
        );
        var wrongType = await officer.PostAsync(
            "/api/v1/volunteers",
            JsonContent.Create(
                new
                {
                    name = 5,
                    phone = true,
                    orgUnitId = "x",
                }
            )
        );
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);

        var before = await app.Factory.WithDbAsync(db => db.Volunteers.CountAsync());
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await officer.PostAsJsonAsync("/api/v1/volunteers", Registration(app.World.Villages[1].Id, NewPhone()))).StatusCode
        );
        foreach (var account in new[] { "auxiliary1", "bureau", "volunteer1", "resident1" })
            Assert.Equal(
                HttpStatusCode.Forbidden,
                (await (await app.As(account)).PostAsJsonAsync("/api/v1/volunteers", Registration(unit, NewPhone()))).StatusCode
            );
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Volunteers.CountAsync()));
    }

    [Fact]
    public async Task A_later_phone_application_with_the_accounts_phone_links_the_record_instead_of_making_a_second()
    {
        var officer = await app.As("officer1");
        var phone = NewPhone();
        var registered = await ApiAssert.OkAsync<VolunteerDetail>(
            await officer.PostAsJsonAsync("/api/v1/volunteers", Registration(app.World.Villages[0].Id, phone)),
            HttpStatusCode.Created
        );

        // Typing someone else's number into the form does not take their record: only the account's own phone counts.
        var (stranger, strangerId) = await ResidentAsync(0, NewPhone());
        var own = await ApiAssert.OkAsync<MyVolunteerView>(
            await stranger.PostAsJsonAsync("/api/v1/volunteers/apply", Application(phone)),
            HttpStatusCode.Created
        );
        Assert.NotEqual(registered.Summary.Id, own.Id);
        Assert.Equal(VolunteerStatus.Applicant, own.Status);
        Assert.False(await HasRoleAsync(strangerId, BuiltInRoles.Volunteer));

        // A resident of another station with that phone is not linked to this station's record either.
        var (far, _) = await ResidentAsync(1, phone);
        var farView = await ApiAssert.OkAsync<MyVolunteerView>(
            await far.PostAsJsonAsync("/api/v1/volunteers/apply", Application(phone)),
            HttpStatusCode.Created
        );
        Assert.NotEqual(registered.Summary.Id, farView.Id);

        var (person, userId) = await ResidentAsync(0, phone);
        var mine = await ApiAssert.OkAsync<MyVolunteerView>(
            await person.PostAsJsonAsync("/api/v1/volunteers/apply", Application(phone)),
            HttpStatusCode.Created
        );
        Assert.Equal(registered.Summary.Id, mine.Id);
        Assert.Equal(VolunteerStatus.Active, mine.Status);
        Assert.True(await HasRoleAsync(userId, BuiltInRoles.Volunteer));
        Assert.Equal(
            registered.Summary.Id,
            await app.Factory.WithDbAsync(db => db.Volunteers.Where(v => v.UserId == userId).Select(v => v.Id).SingleAsync())
        );

        var detail = await ApiAssert.OkAsync<VolunteerDetail>(await officer.GetAsync($"/api/v1/volunteers/{registered.Summary.Id}"));
        Assert.True(detail.HasAccount);
        Assert.Equal(VolunteerStatus.Active, detail.Summary.Status);
        Assert.Contains(detail.History, h => h.Reason!.Contains("关联本人账号"));
        Assert.True(await app.Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.Title == "已关联义警记录")));

        // Applying again is refused as it is for anyone already active.
        await ApiAssert.ProblemAsync(await person.PostAsJsonAsync("/api/v1/volunteers/apply", Application(phone)), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_retired_hand_registered_record_is_taken_over_as_a_new_application()
    {
        var officer = await app.As("officer1");
        var phone = NewPhone();
        var registered = await ApiAssert.OkAsync<VolunteerDetail>(
            await officer.PostAsJsonAsync("/api/v1/volunteers", Registration(app.World.Villages[0].Id, phone)),
            HttpStatusCode.Created
        );
        await ApiAssert.OkAsync<VolunteerDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/{registered.Summary.Id}/status",
                new
                {
                    action = "Retire",
                    reason = "外出打工",
                    version = registered.Summary.Version,
                }
            )
        );
        var (person, userId) = await ResidentAsync(0, phone);
        var mine = await ApiAssert.OkAsync<MyVolunteerView>(
            await person.PostAsJsonAsync("/api/v1/volunteers/apply", Application(phone)),
            HttpStatusCode.Created
        );
        Assert.Equal(registered.Summary.Id, mine.Id);
        Assert.Equal(VolunteerStatus.Applicant, mine.Status);
        Assert.False(await HasRoleAsync(userId, BuiltInRoles.Volunteer));
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Volunteers.CountAsync(v => v.UserId == userId)));
    }

    // ---------------------------------------------------------------- training edits

    private static object TrainingEdit(
        TrainingRow s,
        decimal hours,
        int? points,
        long? version = null,
        Guid? unit = null,
        DateTimeOffset? startsAt = null,
        string? title = null
    ) =>
        new
        {
            orgUnitId = unit ?? s.OrgUnitId,
            title = title ?? s.Title,
            topic = s.Topic,
            trainer = "市急救中心王医生",
            place = s.Place,
            startsAt = startsAt ?? s.StartsAt,
            hours,
            points,
            version = version ?? s.Version,
        };

    private Task<List<VolunteerCredit>> CreditsAsync(Guid session) =>
        app.Factory.WithDbAsync(db =>
            db.VolunteerCredits.AsNoTracking().Where(c => c.Source == CreditSource.Training && c.SourceId == session).ToListAsync()
        );

    [Fact]
    public async Task Editing_a_credited_training_moves_each_attendees_single_ledger_line_and_a_stale_version_is_refused()
    {
        var (village, grid) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var a = await HonourSetup.VolunteerAsync(app.Factory, village.Id, "甲义警");
        var b = await HonourSetup.VolunteerAsync(app.Factory, grid.Id, "乙义警");
        var officer = await app.As("officer1");
        var created = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = village.Id,
                    title = "急救培训",
                    topic = "心肺复苏",
                    trainer = "李老师",
                    place = "村委会",
                    startsAt = DateTimeOffset.UtcNow.AddHours(-3),
                    hours = 2,
                }
            ),
            HttpStatusCode.Created
        );
        var id = created.Summary.Id;
        var recorded = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/trainings/{id}/attendance",
                new
                {
                    items = new object[]
                    {
                        new
                        {
                            volunteerId = a,
                            attended = true,
                            passed = true,
                        },
                        new { volunteerId = b, attended = false },
                    },
                }
            )
        );
        Assert.Equal(120, Assert.Single(await CreditsAsync(id)).Minutes);

        var edited = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PutJsonAsync($"/api/v1/volunteers/trainings/{id}", TrainingEdit(recorded.Summary, 3, 5, title: "急救技能培训"))
        );
        Assert.Equal(180, edited.Summary.Minutes);
        Assert.Equal(5, edited.Summary.Points);
        Assert.Equal("急救技能培训", edited.Summary.Title);
        Assert.Equal("市急救中心王医生", edited.Summary.Trainer);
        Assert.True(edited.Summary.Version > recorded.Summary.Version);
        var credit = Assert.Single(await CreditsAsync(id));
        Assert.Equal((a, 180, 5), (credit.VolunteerId, credit.Minutes, credit.Points));
        Assert.Contains("急救技能培训", credit.Reason);
        Assert.NotNull(edited.Attendance.Single(x => x.VolunteerId == a).CertificateNumber); // the certificate stays
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(x => x.EntityId == id.ToString() && x.Summary!.Contains("1 人时长和积分随之调整"))
            )
        );

        // The version seen before the edit is stale now; nothing changes.
        var stale = await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync($"/api/v1/volunteers/trainings/{id}", TrainingEdit(recorded.Summary, 4, 4)),
            HttpStatusCode.Conflict
        );
        Assert.Contains("已被他人修改", stale.GetRawText());
        Assert.Equal(180, Assert.Single(await CreditsAsync(id)).Minutes);

        // Saving again with the same hours adds nothing to the ledger.
        var again = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PutJsonAsync($"/api/v1/volunteers/trainings/{id}", TrainingEdit(edited.Summary, 3, 5))
        );
        Assert.Equal(180, Assert.Single(await CreditsAsync(id)).Minutes);

        // Points left out follow the hours, a point an hour.
        again = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PutJsonAsync($"/api/v1/volunteers/trainings/{id}", TrainingEdit(again.Summary, 1.5m, null))
        );
        Assert.Equal((90, 2), (again.Summary.Minutes, again.Summary.Points));
        Assert.Equal((90, 2), (await CreditsAsync(id)).Select(c => (c.Minutes, c.Points)).Single());

        // The ranking reads the ledger, so it shows the corrected hours.
        var hours = await app.Factory.WithDbAsync(db => db.VolunteerCredits.Where(c => c.VolunteerId == a).SumAsync(c => c.Minutes));
        Assert.Equal(90, hours);

        // With attendance recorded, the unit stays and the time cannot move into the future.
        var (otherVillage, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var moved = await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync($"/api/v1/volunteers/trainings/{id}", TrainingEdit(again.Summary, 2, 2, unit: otherVillage.Id)),
            HttpStatusCode.Conflict
        );
        Assert.Contains("不能更换举办单位", moved.GetRawText());
        var future = await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(
                $"/api/v1/volunteers/trainings/{id}",
                TrainingEdit(again.Summary, 2, 2, startsAt: DateTimeOffset.UtcNow.AddDays(2))
            ),
            HttpStatusCode.Conflict
        );
        Assert.Contains("不能改到将来", future.GetRawText());
        Assert.Equal((90, 2), (await CreditsAsync(id)).Select(c => (c.Minutes, c.Points)).Single());
    }

    [Fact]
    public async Task A_training_without_attendance_can_move_unit_and_time_and_bad_edits_change_nothing()
    {
        var (village, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var (otherVillage, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var officer = await app.As("officer1");
        var created = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = village.Id,
                    title = "防诈宣传培训",
                    startsAt = DateTimeOffset.UtcNow.AddDays(3),
                    hours = 2,
                }
            ),
            HttpStatusCode.Created
        );
        var s = created.Summary;
        var url = $"/api/v1/volunteers/trainings/{s.Id}";
        var moved = await ApiAssert.OkAsync<TrainingDetail>(
            await officer.PutJsonAsync(url, TrainingEdit(s, 2, 2, unit: otherVillage.Id, startsAt: s.StartsAt.AddDays(1)))
        );
        Assert.Equal(otherVillage.Id, moved.Summary.OrgUnitId);
        s = moved.Summary;

        async Task Bad(object body, string field)
        {
            var p = await ApiAssert.ProblemAsync(await officer.PutJsonAsync(url, body), HttpStatusCode.UnprocessableEntity);
            Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), $"{field} expected in {p.GetRawText()}");
        }
        await Bad(TrainingEdit(s, 0, 1), "hours");
        await Bad(TrainingEdit(s, 25, 1), "hours");
        await Bad(TrainingEdit(s, 2, 101), "points");
        await Bad(TrainingEdit(s, 2, 2, title: ""), "title");
        await Bad(
            new
            {
                orgUnitId = s.OrgUnitId,
                title = "无版本",
                startsAt = s.StartsAt,
                hours = 2,
            },
            "version"
        );
        await Bad(TrainingEdit(s, 2, 2, startsAt: new DateTimeOffset(1990, 1, 1, 0, 0, 0, TimeSpan.Zero)), "startsAt");
        Assert.Equal(
            HttpStatusCode.BadRequest,
            (await officer.PutAsync(url, JsonContent.Create(new { hours = "很多", version = "x" }))).StatusCode
        );

        // Station 2 cannot see it; read-only staff and volunteers may not edit; a unit out of scope is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("leader2")).PutJsonAsync(url, TrainingEdit(s, 3, 3))).StatusCode);
        foreach (var account in new[] { "auxiliary1", "bureau", "volunteer1" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(account)).PutJsonAsync(url, TrainingEdit(s, 3, 3))).StatusCode);
        Assert.Equal(
            HttpStatusCode.Forbidden,
            (await officer.PutJsonAsync(url, TrainingEdit(s, 3, 3, unit: app.World.Villages[1].Id))).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await officer.PutJsonAsync($"/api/v1/volunteers/trainings/{Guid.NewGuid()}", TrainingEdit(s, 3, 3))).StatusCode
        );

        var after = await ApiAssert.OkAsync<TrainingDetail>(await officer.GetAsync(url));
        Assert.Equal(
            (s.Version, 120, otherVillage.Id, "防诈宣传培训"),
            (after.Summary.Version, after.Summary.Minutes, after.Summary.OrgUnitId, after.Summary.Title)
        );
    }
}
