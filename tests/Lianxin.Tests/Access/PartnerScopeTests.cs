using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class PartnerScopeSqliteTests(SqliteApp app) : PartnerScopeTests(app), IClassFixture<SqliteApp>;

public sealed class PartnerScopePostgresTests(PostgresApp app) : PartnerScopeTests(app), IClassFixture<PostgresApp>;

/// <summary>"1+8+N" partners and volunteer activities registered at a station serve everything below it: a
/// community officer picks the station's lawyer for a session and sees its activities, while a neighbouring
/// community's records stay hidden and the station's records stay the station's to edit.</summary>
public abstract class PartnerScopeTests(AppFixture app)
{
    private sealed record Setup(Guid Sibling, Guid StationLawyer, Guid SiblingLawyer);

    /// <summary>A second police district beside officer1's under station 1, a lawyer registered at the station and
    /// one at that sibling district. Made once per fixture.</summary>
    private async Task<Setup> SetupAsync() =>
        await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var found = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == "T-D1-SIB");
            if (found is null)
            {
                var station = await db.OrgUnits.FirstAsync(u => u.Id == app.World.Stations[0].Id);
                found = OrgUnit.Create("T-D1-SIB", "第1警务区（西片）", OrgUnitKind.PoliceDistrict, station);
                db.OrgUnits.Add(found);
                db.Members.Add(Lawyer("所驻律师甲", station.Id));
                db.Members.Add(Lawyer("西片律师乙", found.Id));
                await db.SaveChangesAsync();
            }
            var lawyers = await db.Members.AsNoTracking().Where(m => m.Kind == MemberKind.Partner).ToListAsync();
            return new Setup(found.Id, lawyers.Single(m => m.Name == "所驻律师甲").Id, lawyers.Single(m => m.Name == "西片律师乙").Id);
        });

    private static Member Lawyer(string name, Guid unit) =>
        new()
        {
            Name = name,
            Kind = MemberKind.Partner,
            OrgUnitId = unit,
            Organization = "县律师事务所",
            Skills = ["mediation"],
        };

    private async Task<DisputeDetail> PropertyDisputeAsync(HttpClient officer)
    {
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title = "物业费纠纷",
                    categoryCode = "property",
                    source = "WalkIn",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "业主与物业公司因物业费争执",
                    parties = new object[] { new { role = "Applicant", name = "龚某" }, new { role = "Respondent", name = "某物业公司" } },
                }
            ),
            HttpStatusCode.Created
        );
        d = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new
                {
                    action = "Triage",
                    jurisdiction = "PoliceSimple",
                    version = d.Summary.Version,
                },
                ApiAssert.Json
            )
        );
        return await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new
                {
                    action = "StartMediation",
                    level = "HouseholdHead",
                    version = d.Summary.Version,
                },
                ApiAssert.Json
            )
        );
    }

    private static object Session(Guid member) =>
        new
        {
            at = DateTimeOffset.UtcNow.AddHours(3),
            place = "东峪村警务室",
            mediators = new object[] { new { memberId = member } },
        };

    [Fact]
    public async Task A_community_officer_picks_the_stations_partner_but_not_a_sibling_districts()
    {
        var s = await SetupAsync();
        var officer = await app.As("officer1");
        var d = await PropertyDisputeAsync(officer);

        var candidates = await ApiAssert.OkAsync<List<MemberOption>>(
            await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/mediator-candidates?q=律师")
        );
        Assert.Contains(candidates, m => m.Id == s.StationLawyer);
        Assert.DoesNotContain(candidates, m => m.Id == s.SiblingLawyer);

        var forces = await ApiAssert.OkAsync<SuggestedForcesView>(
            await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/suggested-forces")
        );
        var lawyers = Assert.Single(forces.Forces, f => f.Keyword == "律师");
        Assert.Equal([s.StationLawyer], lawyers.Members.Select(m => m.Id));

        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        var planned = await ApiAssert.OkAsync<SessionView>(
            await officer.PostAsJsonAsync(url, Session(s.StationLawyer)),
            HttpStatusCode.Created
        );
        Assert.Contains(planned.Mediators, m => m.MemberId == s.StationLawyer && m.Name == "所驻律师甲");
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, Session(s.SiblingLawyer)), HttpStatusCode.UnprocessableEntity);

        // Seen, not kept: the member list shows the station's partner; editing it stays with the station.
        var seen = await ApiAssert.OkAsync<MemberView>(await officer.GetAsync($"/api/v1/members/{s.StationLawyer}"));
        Assert.Equal("所驻律师甲", seen.Name);
        await ApiAssert.ProblemAsync(await officer.GetAsync($"/api/v1/members/{s.SiblingLawyer}"), HttpStatusCode.NotFound);
        var list = await ApiAssert.OkAsync<PagedResult<MemberView>>(await officer.GetAsync("/api/v1/members?q=律师&pageSize=50"));
        Assert.Equal(["所驻律师甲"], list.Items.Select(m => m.Name));
        var edit = new
        {
            name = "所驻律师甲（改）",
            kind = "Partner",
            organization = "县律师事务所",
            orgUnitId = app.World.Stations[0].Id,
            version = seen.Version,
        };
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync($"/api/v1/members/{s.StationLawyer}", edit), HttpStatusCode.NotFound);

        // The other station's officer sees neither.
        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/members/{s.StationLawyer}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_community_officer_sees_the_stations_activities_but_not_a_sibling_districts()
    {
        var s = await SetupAsync();
        var leader = await app.As("leader1");
        var start = DateTimeOffset.UtcNow.AddDays(3);
        var atStation = await CreateActivityAsync(leader, app.World.Stations[0].Id, "全所夜间巡逻", start);
        var atSibling = await CreateActivityAsync(leader, s.Sibling, "西片夜间巡逻", start);

        var officer = await app.As("officer1");
        var list = await ApiAssert.OkAsync<PagedResult<ActivityRow>>(await officer.GetAsync(Activities + "?q=夜间巡逻&pageSize=50"));
        Assert.Contains(list.Items, a => a.Id == atStation.Summary.Id);
        Assert.DoesNotContain(list.Items, a => a.Id == atSibling.Summary.Id);
        var seen = await ApiAssert.OkAsync<ActivityDetail>(await officer.GetAsync($"{Activities}/{atStation.Summary.Id}"));
        Assert.Equal("全所夜间巡逻", seen.Summary.Title);
        await ApiAssert.ProblemAsync(await officer.GetAsync($"{Activities}/{atSibling.Summary.Id}"), HttpStatusCode.NotFound);

        // Cancelling the station's activity stays with those who have the station in scope.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"{Activities}/{atStation.Summary.Id}/cancel",
                new { reason = "下雨", version = seen.Summary.Version }
            ),
            HttpStatusCode.NotFound
        );
        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(await other.GetAsync($"{Activities}/{atStation.Summary.Id}"), HttpStatusCode.NotFound);
    }

    private const string Activities = "/api/v1/volunteers/activities";

    private static async Task<ActivityDetail> CreateActivityAsync(HttpClient staff, Guid unit, string title, DateTimeOffset start) =>
        await ApiAssert.OkAsync<ActivityDetail>(
            await staff.PostAsJsonAsync(
                Activities,
                new
                {
                    orgUnitId = unit,
                    kind = "Patrol",
                    title,
                    place = "派出所门口",
                    description = "沿主街巡逻",
                    startsAt = start,
                    endsAt = start.AddHours(2),
                    quota = 5,
                    skillCodes = Array.Empty<string>(),
                    squadIds = Array.Empty<Guid>(),
                    publish = true,
                }
            ),
            HttpStatusCode.Created
        );
}
