using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Organization;

public sealed class OrgUnitApiSqliteTests(SqliteApp app) : OrgUnitApiTests(app), IClassFixture<SqliteApp>;

public sealed class OrgUnitApiPostgresTests(PostgresApp app) : OrgUnitApiTests(app), IClassFixture<PostgresApp>;

public abstract class OrgUnitApiTests(AppFixture app)
{
    private static object Unit(string code, string name, string kind, Guid parent, string? boundary = null) =>
        new
        {
            code,
            name,
            kind,
            parentId = parent,
            population = 120,
            households = 40,
            boundaryGeoJson = boundary,
            centerLat = (double?)null,
            centerLng = (double?)null,
        };

    private const string Square =
        """{"type":"Polygon","coordinates":[[[114.0,38.3],[114.01,38.3],[114.01,38.31],[114.0,38.31],[114.0,38.3]]]}""";

    [Fact]
    public async Task A_leader_builds_moves_and_retires_units_and_paths_follow()
    {
        var leader = await app.As("leader1");
        var village = await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader.PostAsJsonAsync("/api/v1/org-units", Unit("T-V1-NEW", "新建村", "Village", app.World.Districts[0].Id, Square)),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Districts[0].Id, village.ParentId);
        Assert.NotNull(village.BoundaryGeoJson);
        var group = await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader.PostAsJsonAsync("/api/v1/org-units", Unit("T-V1-NEW-Z1", "新建村一组", "Group", village.Id)),
            HttpStatusCode.Created
        );

        // Move the village (and its group) under the first station's existing village's district: here, the station itself.
        var moved = await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader.PostAsJsonAsync(
                $"/api/v1/org-units/{village.Id}/move",
                new { parentId = app.World.Stations[0].Id, version = village.Version }
            )
        );
        Assert.Equal(app.World.Stations[0].Id, moved.ParentId);
        var groupPath = await app.Factory.WithDbAsync(db =>
            db.OrgUnits.Where(u => u.Id == group.Id).Select(u => new { u.Path, u.Depth }).FirstAsync()
        );
        Assert.Equal($"/{app.World.Bureau.Id:N}/{app.World.Stations[0].Id:N}/{village.Id:N}/{group.Id:N}/", groupPath.Path);
        Assert.Equal(3, groupPath.Depth);

        var problem = await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync($"/api/v1/org-units/{village.Id}/retire", new { version = moved.Version }),
            HttpStatusCode.Conflict
        );
        Assert.Contains("下级", problem.GetProperty("title").GetString());
        var groupNow = await ApiAssert.OkAsync<OrgUnitDetail>(await leader.GetAsync($"/api/v1/org-units/{group.Id}"));
        await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader.PostAsJsonAsync($"/api/v1/org-units/{group.Id}/retire", new { version = groupNow.Version })
        );
        var retired = await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader.PostAsJsonAsync($"/api/v1/org-units/{village.Id}/retire", new { version = moved.Version })
        );
        Assert.True(retired.IsRetired);
        Assert.True(await app.Factory.WithDbAsync(db => db.OrgUnits.AnyAsync(u => u.Id == village.Id)));

        var children = await ApiAssert.OkAsync<List<OrgUnitSummary>>(
            await leader.GetAsync($"/api/v1/org-units/{app.World.Stations[0].Id}/children")
        );
        Assert.DoesNotContain(children, c => c.Id == village.Id);
        var withRetired = await ApiAssert.OkAsync<List<OrgUnitSummary>>(
            await leader.GetAsync($"/api/v1/org-units/{app.World.Stations[0].Id}/children?includeRetired=true")
        );
        Assert.Contains(withRetired, c => c.Id == village.Id);
    }

    [Fact]
    public async Task Kinds_must_nest_codes_are_unique_and_boundaries_must_be_closed_polygons()
    {
        var leader = await app.As("leader1");
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync("/api/v1/org-units", Unit("T-X1", "错层派出所", "Station", app.World.Villages[0].Id)),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync("/api/v1/org-units", Unit("T-V1", "重复编码", "Grid", app.World.Villages[0].Id)),
            HttpStatusCode.UnprocessableEntity
        );
        const string open = """{"type":"Polygon","coordinates":[[[114.0,38.3],[114.01,38.3],[114.01,38.31],[114.0,38.31]]]}""";
        var p = await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync("/api/v1/org-units", Unit("T-X2", "开口网格", "Grid", app.World.Villages[0].Id, open)),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.True(p.GetProperty("errors").TryGetProperty("boundaryGeoJson", out _));
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync("/api/v1/org-units", Unit("T-X3", "坏数据", "Grid", app.World.Villages[0].Id, "{not json")),
            HttpStatusCode.UnprocessableEntity
        );
        var moveIntoSelf = await leader.PostAsJsonAsync(
            $"/api/v1/org-units/{app.World.Districts[0].Id}/move",
            new { parentId = app.World.Grids[0].Id, version = 1 }
        );
        await ApiAssert.ProblemAsync(moveIntoSelf, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task An_auxiliary_can_read_places_but_not_change_them()
    {
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.OkAsync<OrgUnitDetail>(await auxiliary.GetAsync($"/api/v1/org-units/{app.World.Villages[0].Id}"));
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync("/api/v1/org-units", Unit("T-A1", "辅警建的", "Grid", app.World.Villages[0].Id)),
            HttpStatusCode.Forbidden
        );
    }

    [Fact]
    public async Task Renaming_is_recorded_in_the_audit_log_with_old_and_new_values()
    {
        var leader = await app.As("leader1");
        var v = await ApiAssert.OkAsync<OrgUnitDetail>(await leader.GetAsync($"/api/v1/org-units/{app.World.Grids[0].Id}"));
        await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader.PutJsonAsync(
                $"/api/v1/org-units/{v.Id}",
                new
                {
                    code = v.Code,
                    name = "东峪第一网格",
                    population = 300,
                    households = 90,
                    version = v.Version,
                }
            )
        );
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityId == v.Id.ToString() && a.Action == "update")
                .OrderByDescending(a => a.Seq)
                .FirstAsync()
        );
        Assert.Contains("东峪第一网格", line.Changes);
        Assert.Contains(v.Name, line.Changes);
        Assert.Equal(app.World.UserIds["leader1"], line.UserId);
    }
}
