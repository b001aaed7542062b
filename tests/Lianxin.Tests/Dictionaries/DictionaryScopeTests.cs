using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Dictionaries;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Dictionaries;

public sealed class DictionaryScopeSqliteTests(SqliteApp app) : DictionaryScopeTests(app), IClassFixture<SqliteApp>;

public sealed class DictionaryScopePostgresTests(PostgresApp app) : DictionaryScopeTests(app), IClassFixture<PostgresApp>;

/// <summary>Dictionary writes follow the scope rules of every other record: a station's leader adds entries for
/// the station, which other stations do not see; the county's entries are kept only by the county.</summary>
public abstract class DictionaryScopeTests(AppFixture app)
{
    private sealed record Item(Guid Id, string Category, string Code, string Name, long Version, Guid? OrgUnitId);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static object Entry(string code, string name, Guid? unit = null, long? version = null) =>
        new
        {
            category = "skill",
            code,
            name,
            sortOrder = 10,
            isActive = true,
            orgUnitId = unit,
            version,
        };

    private static async Task<List<Item>> SkillsAsync(HttpClient c) =>
        (await c.GetFromJsonAsync<List<Item>>("/api/v1/dictionaries?category=skill&includeInactive=true", Web))!;

    [Fact]
    public async Task A_stations_entry_is_its_own_and_the_countys_are_kept_by_the_county()
    {
        var code = "drone-" + Guid.NewGuid().ToString("N")[..6];
        var leader1 = await app.As("leader1");
        var own = await ApiAssert.OkAsync<Item>(
            await leader1.PostAsJsonAsync("/api/v1/dictionaries", Entry(code, "无人机")),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Stations[0].Id, own.OrgUnitId);

        // Station 1 and the units below it see it; station 2 does not, and cannot change it.
        Assert.Contains(await SkillsAsync(await app.As("officer1")), i => i.Id == own.Id);
        Assert.Contains(await SkillsAsync(await app.As("bureau")), i => i.Id == own.Id);
        var leader2 = await app.As("leader2");
        Assert.DoesNotContain(await SkillsAsync(leader2), i => i.Id == own.Id);
        await ApiAssert.ProblemAsync(
            await leader2.PutAsJsonAsync($"/api/v1/dictionaries/{own.Id}", Entry(code, "改名", version: own.Version)),
            HttpStatusCode.NotFound
        );
        // A station cannot write for another station.
        await ApiAssert.ProblemAsync(
            await leader1.PostAsJsonAsync("/api/v1/dictionaries", Entry(code + "x", "越权", app.World.Stations[1].Id)),
            HttpStatusCode.Forbidden
        );

        // The county's defaults: every station sees them, no station changes them.
        var county = (await SkillsAsync(leader1)).First(i => i.OrgUnitId is null);
        Assert.Contains(await SkillsAsync(leader2), i => i.Id == county.Id);
        var refused = await ApiAssert.ProblemAsync(
            await leader1.PutAsJsonAsync($"/api/v1/dictionaries/{county.Id}", Entry(county.Code, "站里改的", version: county.Version)),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(DictionaryService.CountyOnlyMessage, refused.GetProperty("title").GetString());
        Assert.Equal(
            county.Name,
            await app.Factory.WithDbAsync(db => db.DictionaryItems.Where(i => i.Id == county.Id).Select(i => i.Name).FirstAsync())
        );

        // The county bureau adds an entry every station sees.
        var bureau = await app.As("bureau");
        var shared = await ApiAssert.OkAsync<Item>(
            await bureau.PostAsJsonAsync("/api/v1/dictionaries", Entry("k9-" + code, "搜救犬")),
            HttpStatusCode.Created
        );
        Assert.Null(shared.OrgUnitId);
        Assert.Contains(await SkillsAsync(leader2), i => i.Id == shared.Id);
    }

    [Fact]
    public async Task Categories_are_the_systems_not_made_up_by_a_caller()
    {
        var leader1 = await app.As("leader1");
        var before = await app.Factory.WithDbAsync(db => db.DictionaryItems.CountAsync());
        var problem = await ApiAssert.ProblemAsync(
            await leader1.PostAsJsonAsync(
                "/api/v1/dictionaries",
                new
                {
                    category = "station-made",
                    code = "x1",
                    name = "自造类别",
                    sortOrder = 1,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.True(problem.GetProperty("errors").TryGetProperty("category", out _));
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.DictionaryItems.CountAsync()));
    }
}
