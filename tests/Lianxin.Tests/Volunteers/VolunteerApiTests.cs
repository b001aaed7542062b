using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Volunteers;

public sealed class VolunteerApiSqliteTests(SqliteApp app) : VolunteerApiTests(app), IClassFixture<SqliteApp>;

public sealed class VolunteerApiPostgresTests(PostgresApp app) : VolunteerApiTests(app), IClassFixture<PostgresApp>;

public abstract class VolunteerApiTests(AppFixture app)
{
    /// <summary>A fresh resident account in station <paramref name="station"/>'s grid, signed in, for one test's application.</summary>
    private async Task<(HttpClient Client, string UserId, string UserName)> NewResidentAsync(int station = 0)
    {
        var userName = "res" + Guid.NewGuid().ToString("N")[..10];
        var id = await app.Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            var u = new LianxinUser
            {
                UserName = userName,
                DisplayName = userName,
                OrgUnitId = app.World.Grids[station].Id,
                PasswordChangedAt = DateTimeOffset.UtcNow,
            };
            Assert.True((await users.CreateAsync(u, TestWorld.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(u, BuiltInRoles.Resident)).Succeeded);
            return u.Id;
        });
        return (await TestWorld.ClientAsync(app.Factory, userName), id, userName);
    }

    private static object Application(
        string name = "王小明",
        string? idNumber = null,
        string[]? skills = null,
        string? statement = "想为村里出份力",
        Guid? unit = null
    ) =>
        new
        {
            name,
            gender = "Male",
            phone = "13912345678",
            idNumber,
            orgUnitId = unit,
            skills = skills ?? ["first-aid", "swimming"],
            availability = "Weekend, Night",
            statement,
        };

    private Task<bool> HasRoleAsync(string userId, string role) =>
        app.Factory.WithDbAsync(db =>
            (
                from ur in db.UserRoles
                join r in db.Roles on ur.RoleId equals r.Id
                where ur.UserId == userId && r.Name == role
                select ur
            ).AnyAsync()
        );

    private static async Task<VolunteerDetail> Step(HttpClient c, VolunteerDetail v, string action, string? reason = null) =>
        await ApiAssert.OkAsync<VolunteerDetail>(
            await c.PostAsJsonAsync(
                $"/api/v1/volunteers/{v.Summary.Id}/status",
                new
                {
                    action,
                    reason,
                    version = v.Summary.Version,
                },
                ApiAssert.Json
            )
        );

    [Fact]
    public async Task A_resident_applies_is_accepted_gets_the_role_and_loses_it_when_suspended()
    {
        var (resident, userId, userName) = await NewResidentAsync();
        var none = await ApiAssert.OkAsync<MyVolunteerView>(await resident.GetAsync("/api/v1/volunteers/me"));
        Assert.False(none.HasRecord);
        Assert.True(none.CanApply);

        var units = await ApiAssert.OkAsync<List<VolunteerUnit>>(await resident.GetAsync("/api/v1/volunteers/me/units"));
        Assert.Contains(units, u => u.Id == app.World.Villages[0].Id);
        Assert.DoesNotContain(units, u => u.Id == app.World.Villages[1].Id);

        var mine = await ApiAssert.OkAsync<MyVolunteerView>(
            await resident.PostAsJsonAsync(
                "/api/v1/volunteers/apply",
                Application(idNumber: TestWorld.IdFor(1990, 7), unit: app.World.Villages[0].Id)
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(VolunteerStatus.Applicant, mine.Status);
        Assert.Equal("139****5678", mine.PhoneMasked);
        Assert.Equal(app.World.Villages[0].Name, mine.OrgUnitName);

        // The leader's queue has the applicant first; a new application told the reviewers.
        var leader = await app.As("leader1");
        var queue = await ApiAssert.OkAsync<PagedResult<VolunteerRow>>(await leader.GetAsync("/api/v1/volunteers?pageSize=5"));
        Assert.Equal(VolunteerStatus.Applicant, queue.Items[0].Status);
        Assert.Contains(queue.Items, r => r.Id == mine.Id);
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.Notifications.AnyAsync(n => n.UserId == app.World.UserIds["leader1"] && n.Link == $"/volunteers/{mine.Id}")
            )
        );

        var v = await ApiAssert.OkAsync<VolunteerDetail>(await leader.GetAsync($"/api/v1/volunteers/{mine.Id}"));
        Assert.Equal([VolunteerAction.Accept, VolunteerAction.Decline], v.AllowedActions);
        Assert.Contains("********", v.IdNumberMasked);
        v = await ApiAssert.OkAsync<VolunteerDetail>(
            await leader.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/accept", new { version = v.Summary.Version })
        );
        Assert.Equal(VolunteerStatus.Active, v.Summary.Status);
        Assert.NotNull(v.Summary.JoinedAt);
        Assert.True(await HasRoleAsync(userId, BuiltInRoles.Volunteer));
        Assert.True(await HasRoleAsync(userId, BuiltInRoles.Resident)); // in addition to what it had
        Assert.True(await app.Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.Title == "义警申请已通过")));

        mine = await ApiAssert.OkAsync<MyVolunteerView>(await resident.GetAsync("/api/v1/volunteers/me"));
        Assert.Equal(VolunteerStatus.Active, mine.Status);
        Assert.Equal("在册", mine.StatusLabel);
        Assert.False(mine.CanApply);
        // A fresh sign-in carries the role.
        var again = await TestWorld.ClientAsync(app.Factory, userName);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/volunteers/me")).StatusCode);

        // Suspension needs a reason, takes the role away and ends the sessions that carried it.
        var noReason = await leader.PostAsJsonAsync(
            $"/api/v1/volunteers/{mine.Id}/status",
            new { action = "Suspend", version = v.Summary.Version }
        );
        await ApiAssert.ProblemAsync(noReason, HttpStatusCode.UnprocessableEntity);
        v = await Step(leader, v, "Suspend", "连续三个月未参加活动");
        Assert.Equal(VolunteerStatus.Suspended, v.Summary.Status);
        Assert.False(await HasRoleAsync(userId, BuiltInRoles.Volunteer));
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/v1/volunteers/me")).StatusCode);
        var relogged = await TestWorld.ClientAsync(app.Factory, userName);
        mine = await ApiAssert.OkAsync<MyVolunteerView>(await relogged.GetAsync("/api/v1/volunteers/me"));
        Assert.Equal("连续三个月未参加活动", mine.Reason);
        await ApiAssert.ProblemAsync(await relogged.PostAsJsonAsync("/api/v1/volunteers/apply", Application()), HttpStatusCode.Conflict);

        v = await Step(leader, v, "Reinstate");
        Assert.True(await HasRoleAsync(userId, BuiltInRoles.Volunteer));
        var late = await leader.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/accept", new { version = v.Summary.Version });
        Assert.Contains("当前可以", (await ApiAssert.ProblemAsync(late, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        v = await Step(leader, v, "Retire", "本人搬离辖区");
        Assert.False(await HasRoleAsync(userId, BuiltInRoles.Volunteer));

        Assert.Equal(
            [
                (null, VolunteerStatus.Applicant),
                (VolunteerStatus.Applicant, VolunteerStatus.Active),
                (VolunteerStatus.Active, VolunteerStatus.Suspended),
                (VolunteerStatus.Suspended, VolunteerStatus.Active),
                (VolunteerStatus.Active, VolunteerStatus.Retired),
            ],
            v.History.Select(h => ((VolunteerStatus?)h.From, h.To)).ToList()
        );
        var audit = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Volunteer) && a.EntityId == mine.Id.ToString() && a.Summary!.Contains("→"))
                .CountAsync()
        );
        Assert.True(audit >= 4, $"{audit} status lines in the audit log");
    }

    [Fact]
    public async Task A_decline_needs_a_reason_the_applicant_reads_it_and_may_apply_again()
    {
        var (resident, userId, _) = await NewResidentAsync();
        var mine = await ApiAssert.OkAsync<MyVolunteerView>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application("李小红")),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Grids[0].Name, mine.OrgUnitName); // no unit chosen: the account's own
        var officer = await app.As("officer1");
        var v = await ApiAssert.OkAsync<VolunteerDetail>(await officer.GetAsync($"/api/v1/volunteers/{mine.Id}"));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/decline", new { reason = " ", version = v.Summary.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        v = await ApiAssert.OkAsync<VolunteerDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/{mine.Id}/decline",
                new { reason = "年龄不满十八周岁", version = v.Summary.Version }
            )
        );
        Assert.Equal(VolunteerStatus.Declined, v.Summary.Status);
        Assert.False(await HasRoleAsync(userId, BuiltInRoles.Volunteer));

        mine = await ApiAssert.OkAsync<MyVolunteerView>(await resident.GetAsync("/api/v1/volunteers/me"));
        Assert.Equal("未通过", mine.StatusLabel);
        Assert.Equal("年龄不满十八周岁", mine.Reason);
        Assert.True(mine.CanApply);
        Assert.True(
            await app.Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.Body!.Contains("年龄不满十八周岁")))
        );

        mine = await ApiAssert.OkAsync<MyVolunteerView>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application("李小红")),
            HttpStatusCode.Created
        );
        Assert.Equal(VolunteerStatus.Applicant, mine.Status);
        Assert.Null(mine.Reason);
    }

    [Fact]
    public async Task Bad_applications_are_refused_with_field_errors_and_change_nothing()
    {
        var (resident, userId, _) = await NewResidentAsync();
        var good = TestWorld.IdFor(1991, 8);
        var wrongCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        var badId = await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application(idNumber: wrongCheck)),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("校验位", badId.GetRawText());
        var unknownSkill = await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application(skills: ["first-aid", "flying"])),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("flying", unknownSkill.GetRawText());
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application(statement: new string('长', 2001))),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", new { name = "无电话" }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application(unit: app.World.Villages[1].Id)),
            HttpStatusCode.UnprocessableEntity
        );
        var wrongType = new StringContent(
            "{\"name\":\"x\",\"phone\":\"13912345678\",\"skills\":\"first-aid\"}",
            System.Text.Encoding.UTF8,
            "application/json"
        );
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.PostAsync("/api/v1/volunteers/apply", wrongType)).StatusCode);
        Assert.False(await app.Factory.WithDbAsync(db => db.Volunteers.AnyAsync(v => v.UserId == userId)));

        await ApiAssert.OkAsync<MyVolunteerView>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application()),
            HttpStatusCode.Created
        );
        var second = await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application("另一个名字")),
            HttpStatusCode.Conflict
        );
        Assert.Contains("审核中", second.GetProperty("title").GetString());
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Volunteers.CountAsync(v => v.UserId == userId && v.Name == "王小明")));
    }

    [Fact]
    public async Task Another_station_sees_nothing_and_volunteers_and_residents_cannot_read_the_registry()
    {
        var (resident, _, _) = await NewResidentAsync();
        var mine = await ApiAssert.OkAsync<MyVolunteerView>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application("赵小刚")),
            HttpStatusCode.Created
        );

        var leader2 = await app.As("leader2");
        await ApiAssert.ProblemAsync(await leader2.GetAsync($"/api/v1/volunteers/{mine.Id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await leader2.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/accept", new { version = 1 }),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await leader2.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/reveal", new { }),
            HttpStatusCode.NotFound
        );
        var list2 = await ApiAssert.OkAsync<PagedResult<VolunteerRow>>(await leader2.GetAsync("/api/v1/volunteers?pageSize=200"));
        Assert.DoesNotContain(list2.Items, r => r.Id == mine.Id || r.Id == app.World.VolunteerIds[0]);
        await ApiAssert.ProblemAsync(await leader2.GetAsync($"/api/v1/volunteers/squads/{app.World.SquadIds[0]}"), HttpStatusCode.NotFound);

        foreach (var who in new[] { "volunteer1", "resident1" })
        {
            var c = await app.As(who);
            await ApiAssert.ProblemAsync(await c.GetAsync("/api/v1/volunteers"), HttpStatusCode.Forbidden);
            await ApiAssert.ProblemAsync(await c.GetAsync($"/api/v1/volunteers/{mine.Id}"), HttpStatusCode.Forbidden);
            await ApiAssert.ProblemAsync(
                await c.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/reveal", new { }),
                HttpStatusCode.Forbidden
            );
            await ApiAssert.ProblemAsync(await c.GetAsync("/api/v1/volunteers/squads"), HttpStatusCode.Forbidden);
        }
        // The volunteer sees their own record, squads included, and nobody else's phone.
        var own = await ApiAssert.OkAsync<MyVolunteerView>(await (await app.As("volunteer1")).GetAsync("/api/v1/volunteers/me"));
        Assert.Equal(app.World.VolunteerIds[0], own.Id);
        Assert.Contains(own.Squads, s => s.SquadId == app.World.SquadIds[0] && s.Role == SquadRole.Leader);

        // Auxiliary police read the registry masked but may not reveal; the leader may, and it is audited.
        var auxiliary = await app.As("auxiliary1");
        var row = (
            await ApiAssert.OkAsync<PagedResult<VolunteerRow>>(await auxiliary.GetAsync("/api/v1/volunteers?q=赵小刚"))
        ).Items.Single();
        Assert.Equal("139****5678", row.PhoneMasked);
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/reveal", new { }),
            HttpStatusCode.Forbidden
        );
        var leader = await app.As("leader1");
        var revealed = await ApiAssert.OkAsync<RevealedVolunteer>(
            await leader.PostAsJsonAsync($"/api/v1/volunteers/{mine.Id}/reveal", new { reason = "电话联系面谈" })
        );
        Assert.Equal("13912345678", revealed.Phone);
        Assert.True(
            await app.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "reveal" && a.EntityId == mine.Id.ToString()))
        );

        // Export: the leader may (audited), the officer may not.
        var export = await leader.GetAsync("/api/v1/volunteers/export?status=Applicant");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        Assert.True(
            await app.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "export" && a.EntityType == nameof(Volunteer)))
        );
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("officer1")).GetAsync("/api/v1/volunteers/export")).StatusCode);
        await ApiAssert.ProblemAsync(await (await app.As("auxiliary1")).GetAsync("/api/v1/volunteers/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Registry_filters_by_skill_squad_and_assistant_kind()
    {
        var leader = await app.As("leader1");
        var v = await ApiAssert.OkAsync<VolunteerDetail>(await leader.GetAsync($"/api/v1/volunteers/{app.World.VolunteerIds[0]}"));
        v = await ApiAssert.OkAsync<VolunteerDetail>(
            await leader.PutAsJsonAsync(
                $"/api/v1/volunteers/{v.Summary.Id}",
                new
                {
                    skills = new[] { "first-aid", "patrol", "dialect" },
                    assistantKindCode = "public-order",
                    version = v.Summary.Version,
                },
                ApiAssert.Json
            )
        );
        Assert.Equal("public-order", v.Summary.AssistantKindCode);
        await ApiAssert.ProblemAsync(
            await leader.PutAsJsonAsync(
                $"/api/v1/volunteers/{v.Summary.Id}",
                new { assistantKindCode = "spy", version = v.Summary.Version },
                ApiAssert.Json
            ),
            HttpStatusCode.UnprocessableEntity
        );

        async Task<List<Guid>> Ids(string query) =>
            (await ApiAssert.OkAsync<PagedResult<VolunteerRow>>(await leader.GetAsync("/api/v1/volunteers?pageSize=200&" + query)))
                .Items.Select(r => r.Id)
                .ToList();
        Assert.Contains(v.Summary.Id, await Ids("skill=dialect"));
        Assert.DoesNotContain(v.Summary.Id, await Ids("skill=drone"));
        Assert.Contains(v.Summary.Id, await Ids($"squadId={app.World.SquadIds[0]}"));
        Assert.Contains(v.Summary.Id, await Ids("assistantKind=public-order"));
        Assert.Contains(v.Summary.Id, await Ids("assistant=true"));
        Assert.DoesNotContain(v.Summary.Id, await Ids("assistant=false"));
        Assert.Contains(v.Summary.Id, await Ids("q=13900000001"));
        Assert.Contains(v.Summary.Id, await Ids($"orgUnitId={app.World.Villages[0].Id}&status=Active"));
        await ApiAssert.ProblemAsync(await leader.GetAsync("/api/v1/volunteers?pageSize=500"), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Squads_keep_one_leader_take_only_active_volunteers_and_joint_teams_need_their_agreement()
    {
        var leader = await app.As("leader1");
        var unit = app.World.Villages[0].Id;
        var noPartner = await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name = "化工园区联防队",
                    typeCode = "joint-defence",
                    orgUnitId = unit,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("partnerName", noPartner.GetRawText());
        var backwards = await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name = "化工园区联防队",
                    typeCode = "joint-defence",
                    orgUnitId = unit,
                    partnerName = "东峪化工有限公司",
                    agreementFrom = "2026-12-31",
                    agreementTo = "2026-01-01",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("不能早于", backwards.GetRawText());
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name = "怪队",
                    typeCode = "ufo",
                    orgUnitId = unit,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name = "越界队",
                    typeCode = "patrol",
                    orgUnitId = app.World.Villages[1].Id,
                }
            ),
            HttpStatusCode.Forbidden
        );

        var name = "化工园区联防队" + Guid.NewGuid().ToString("N")[..4];
        var squad = await ApiAssert.OkAsync<SquadDetail>(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name,
                    typeCode = "joint-defence",
                    orgUnitId = unit,
                    partnerName = "东峪化工有限公司",
                    agreementFrom = "2026-01-01",
                    agreementTo = "2026-12-31",
                }
            ),
            HttpStatusCode.Created
        );
        Assert.Equal("东峪化工有限公司", squad.Summary.PartnerName);
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name,
                    typeCode = "patrol",
                    orgUnitId = unit,
                }
            ),
            HttpStatusCode.Conflict
        );

        // An applicant may not join; an active volunteer may, and a second leader is refused.
        var (resident, _, _) = await NewResidentAsync();
        var applicant = await ApiAssert.OkAsync<MyVolunteerView>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/apply", Application("钱小军")),
            HttpStatusCode.Created
        );
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/members",
                new { volunteerId = applicant.Id, role = "Member" }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        var detail = await ApiAssert.OkAsync<VolunteerDetail>(await leader.GetAsync($"/api/v1/volunteers/{applicant.Id}"));
        await ApiAssert.OkAsync<VolunteerDetail>(
            await leader.PostAsJsonAsync($"/api/v1/volunteers/{applicant.Id}/accept", new { version = detail.Summary.Version })
        );
        var candidates = await ApiAssert.OkAsync<List<VolunteerRow>>(
            await leader.GetAsync($"/api/v1/volunteers/squads/{squad.Summary.Id}/candidates?q=钱小军")
        );
        Assert.Single(candidates);

        squad = await ApiAssert.OkAsync<SquadDetail>(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/members",
                new { volunteerId = applicant.Id, role = "Leader" }
            ),
            HttpStatusCode.Created
        );
        var second = await leader.PostAsJsonAsync(
            $"/api/v1/volunteers/squads/{squad.Summary.Id}/members",
            new { volunteerId = app.World.VolunteerIds[0], role = "Leader" }
        );
        Assert.Contains("钱小军", (await ApiAssert.ProblemAsync(second, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        squad = await ApiAssert.OkAsync<SquadDetail>(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/members",
                new { volunteerId = app.World.VolunteerIds[0], role = "DeputyLeader" }
            ),
            HttpStatusCode.Created
        );
        Assert.Equal("钱小军", squad.Summary.LeaderName);
        Assert.Equal(2, squad.Summary.MemberCount);
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/members",
                new { volunteerId = app.World.VolunteerIds[0] }
            ),
            HttpStatusCode.Conflict
        );

        var deputy = squad.Members.Single(m => m.VolunteerId == app.World.VolunteerIds[0]);
        await ApiAssert.ProblemAsync(
            await leader.PutAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/members/{deputy.Id}",
                new { role = "Leader" },
                ApiAssert.Json
            ),
            HttpStatusCode.Conflict
        );
        squad = await ApiAssert.OkAsync<SquadDetail>(
            await leader.DeleteAsync($"/api/v1/volunteers/squads/{squad.Summary.Id}/members/{deputy.Id}")
        );
        Assert.Single(squad.Members);

        squad = await ApiAssert.OkAsync<SquadDetail>(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/deactivate",
                new { version = squad.Summary.Version }
            )
        );
        Assert.False(squad.Summary.IsActive);
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/squads/{squad.Summary.Id}/members",
                new { volunteerId = app.World.VolunteerIds[0] }
            ),
            HttpStatusCode.Conflict
        );
        var list = await ApiAssert.OkAsync<PagedResult<SquadRow>>(
            await leader.GetAsync("/api/v1/volunteers/squads?type=joint-defence&active=false")
        );
        Assert.Contains(list.Items, s => s.Id == squad.Summary.Id);
        await ApiAssert.ProblemAsync(
            await (await app.As("auxiliary1")).PostAsJsonAsync(
                "/api/v1/volunteers/squads",
                new
                {
                    name = "辅警队",
                    typeCode = "patrol",
                    orgUnitId = unit,
                }
            ),
            HttpStatusCode.Forbidden
        );
    }

    public sealed record VolunteerUnit(Guid Id, string Name);
}
