using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Audit;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Organization;

public sealed class ResidentApiSqliteTests(SqliteApp app) : ResidentApiTests(app), IClassFixture<SqliteApp>;

public sealed class ResidentApiPostgresTests(PostgresApp app) : ResidentApiTests(app), IClassFixture<PostgresApp>;

public abstract class ResidentApiTests(AppFixture app)
{
    private static object NewResident(
        Guid unit,
        string name,
        string? id,
        string? phone = "13912345678",
        string? address = "东峪村三组12号"
    ) =>
        new
        {
            name,
            idNumber = id,
            phone,
            address,
            orgUnitId = unit,
            tags = new[] { "独居老人" },
        };

    private Task<int> CountResidents() => app.Factory.WithDbAsync(db => db.Residents.CountAsync());

    [Fact]
    public async Task Registered_resident_is_shown_masked_found_by_exact_id_and_never_stored_in_clear()
    {
        var officer = await app.As("officer1");
        var id = TestWorld.IdFor(1961, 501);
        var created = await ApiAssert.OkAsync<ResidentView>(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "王秀英", id)),
            HttpStatusCode.Created
        );
        Assert.Equal(id[..6] + "********" + id[^4..], created.IdNumberMasked);
        Assert.Equal("139****5678", created.PhoneMasked);
        Assert.Equal(1961, created.BirthYear);
        Assert.DoesNotContain("03-15", await (await officer.GetAsync($"/api/v1/residents/{created.Id}")).Content.ReadAsStringAsync());

        var found = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<ResidentView>>(
            await officer.GetAsync($"/api/v1/residents?idNumber={id.ToLowerInvariant()}")
        );
        Assert.Equal(created.Id, Assert.Single(found.Items).Id);

        var raw = await app.Factory.WithDbAsync(db => db.Residents.AsNoTracking().FirstAsync(r => r.Id == created.Id));
        Assert.DoesNotContain(id, System.Text.Encoding.UTF8.GetString(raw.IdNumberCipher!));
        Assert.NotEqual(id, raw.IdNumberHash);
        Assert.DoesNotContain("13912345678", System.Text.Encoding.UTF8.GetString(raw.PhoneCipher!));
    }

    [Fact]
    public async Task A_duplicate_id_number_from_another_station_names_no_station_and_no_person()
    {
        var id = TestWorld.IdFor(1958, 511);
        await ApiAssert.OkAsync<ResidentView>(
            await (await app.As("leader2")).PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[1].Id, "西峪李桂兰", id)),
            HttpStatusCode.Created
        );
        var officer = await app.As("officer1");
        var problem = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "东峪重号", id)),
            HttpStatusCode.Conflict
        );
        Assert.Equal("该身份证号已在本县登记，请联系县局管理员核实", problem.GetProperty("title").GetString());
        var text = problem.GetRawText();
        Assert.DoesNotContain("李桂兰", text);
        Assert.DoesNotContain(app.World.Stations[1].Name, text);
        Assert.DoesNotContain(app.World.Grids[1].Name, text);

        // Within the caller's own area the record can be looked up, and the answer says so.
        var own = TestWorld.IdFor(1958, 512);
        await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "东峪甲", own));
        var again = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "东峪乙", own)),
            HttpStatusCode.Conflict
        );
        Assert.Contains("请勿重复登记", again.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Wrong_check_character_is_refused_with_the_expected_one_and_nothing_is_written()
    {
        var officer = await app.As("officer1");
        var good = TestWorld.IdFor(1970, 502);
        var bad = good[..17] + (good[17] == '1' ? '2' : '1');
        var before = await CountResidents();
        var problem = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "错号", bad)),
            HttpStatusCode.UnprocessableEntity
        );
        var message = problem.GetProperty("errors").GetProperty("idNumber")[0].GetString()!;
        Assert.Contains("校验位", message);
        Assert.Contains(good[17].ToString(), message);
        Assert.Equal(before, await CountResidents());
    }

    [Fact]
    public async Task The_same_id_number_cannot_be_registered_twice()
    {
        var officer = await app.As("officer1");
        var id = TestWorld.IdFor(1975, 503);
        await ApiAssert.OkAsync<ResidentView>(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "甲", id)),
            HttpStatusCode.Created
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Villages[0].Id, "乙", id)),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task Reveal_needs_the_permission_and_every_reveal_is_audited()
    {
        var residentId = app.World.ResidentIds["张三1"];
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync($"/api/v1/residents/{residentId}/reveal", new { reason = "核查" }),
            HttpStatusCode.Forbidden
        );

        var officer = await app.As("officer1");
        var revealed = await ApiAssert.OkAsync<RevealedResident>(
            await officer.PostAsJsonAsync($"/api/v1/residents/{residentId}/reveal", new { reason = "入户走访核对" })
        );
        Assert.Equal(18, revealed.IdNumber!.Length);
        Assert.StartsWith("1380000", revealed.Phone);
        Assert.Equal(revealed.IdNumber![6..14], revealed.BirthDate!.Value.ToString("yyyyMMdd"));

        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Reveal && a.EntityId == residentId.ToString())
                .OrderByDescending(a => a.Seq)
                .FirstOrDefaultAsync()
        );
        Assert.NotNull(line);
        Assert.Equal(app.World.UserIds["officer1"], line.UserId);
        Assert.Contains("入户走访核对", line.Summary);
    }

    [Fact]
    public async Task A_stale_update_is_a_conflict_and_does_not_overwrite()
    {
        var officer = await app.As("officer1");
        var created = await ApiAssert.OkAsync<ResidentView>(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, "赵六", TestWorld.IdFor(1988, 504))),
            HttpStatusCode.Created
        );
        var first = new
        {
            name = "赵六",
            address = "东峪村四组1号",
            orgUnitId = app.World.Grids[0].Id,
            version = created.Version,
        };
        var updated = await ApiAssert.OkAsync<ResidentView>(await officer.PutJsonAsync($"/api/v1/residents/{created.Id}", first));
        Assert.Equal(created.Version + 1, updated.Version);
        Assert.Equal(created.IdNumberMasked, updated.IdNumberMasked); // omitted id number is left as it was

        var stale = new
        {
            name = "赵六",
            address = "别处",
            orgUnitId = app.World.Grids[0].Id,
            version = created.Version,
        };
        var problem = await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync($"/api/v1/residents/{created.Id}", stale),
            HttpStatusCode.Conflict
        );
        Assert.Contains("已被他人修改", problem.GetProperty("title").GetString());
        var now = await ApiAssert.OkAsync<ResidentView>(await officer.GetAsync($"/api/v1/residents/{created.Id}"));
        Assert.Equal("东峪村四组1号", now.Address);

        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync($"/api/v1/residents/{created.Id}", new { name = "赵六", orgUnitId = app.World.Grids[0].Id }),
            HttpStatusCode.UnprocessableEntity
        );
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_once()
    {
        var officer = await app.As("officer1");
        var body = NewResident(app.World.Grids[0].Id, "钱七", TestWorld.IdFor(1990, 505));
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Post(object b)
        {
            var m = new HttpRequestMessage(HttpMethod.Post, "/api/v1/residents") { Content = JsonContent.Create(b) };
            m.Headers.Add("Idempotency-Key", key);
            return m;
        }
        var before = await CountResidents();
        var a = await ApiAssert.OkAsync<ResidentView>(await officer.SendAsync(Post(body)), HttpStatusCode.Created);
        var second = await officer.SendAsync(Post(body));
        var b = await ApiAssert.OkAsync<ResidentView>(second, HttpStatusCode.Created);
        Assert.Equal(a.Id, b.Id);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, await CountResidents());

        await ApiAssert.ProblemAsync(
            await officer.SendAsync(Post(NewResident(app.World.Grids[0].Id, "别人", null))),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(before + 1, await CountResidents());
    }

    [Fact]
    public async Task Script_and_sql_fragments_are_stored_as_plain_text()
    {
        var officer = await app.As("officer1");
        const string name = "<script>alert(1)</script>";
        const string address = "'; DROP TABLE \"Residents\"; --";
        var created = await ApiAssert.OkAsync<ResidentView>(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[0].Id, name, null, null, address)),
            HttpStatusCode.Created
        );
        var back = await ApiAssert.OkAsync<ResidentView>(await officer.GetAsync($"/api/v1/residents/{created.Id}"));
        Assert.Equal(name, back.Name);
        Assert.Equal(address, back.Address);
        var search = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<ResidentView>>(
            await officer.GetAsync($"/api/v1/residents?q={Uri.EscapeDataString("' OR 1=1 --")}")
        );
        Assert.Empty(search.Items);
        Assert.True(await CountResidents() > 0);
    }

    [Fact]
    public async Task Export_is_an_excel_file_of_masked_rows_and_is_audited()
    {
        var leader = await app.As("leader1");
        var response = await leader.GetAsync("/api/v1/residents/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal((byte)'P', bytes[0]); // a zip container
        using var stream = new MemoryStream(bytes);
        var rows = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains("********", r["身份证号"]?.ToString() ?? "********"));
        Assert.DoesNotContain(rows, r => r["所属单位"]?.ToString() == app.World.Grids[1].Name);
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Export && a.UserId == app.World.UserIds["leader1"])
            )
        );

        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.ProblemAsync(await auxiliary.GetAsync("/api/v1/residents/export"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_resident_cannot_be_registered_in_another_stations_unit()
    {
        var officer = await app.As("officer1");
        var before = await CountResidents();
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", NewResident(app.World.Grids[1].Id, "越界", null)),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(before, await CountResidents());
    }

    [Fact]
    public async Task Lists_are_paged_with_a_total_and_bounded_page_size()
    {
        var leader = await app.As("leader1");
        var page = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<ResidentView>>(
            await leader.GetAsync("/api/v1/residents?page=1&pageSize=1&sort=name")
        );
        Assert.Single(page.Items);
        Assert.True(page.Total >= 2);
        await ApiAssert.ProblemAsync(await leader.GetAsync("/api/v1/residents?pageSize=201"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(await leader.GetAsync("/api/v1/residents?page=0"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(await leader.GetAsync("/api/v1/residents?sort=password"), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task A_resident_is_listed_under_its_station_and_follows_its_unit_to_another_station()
    {
        // Residents saved through the context carry their station (the world's were added with their units in one save).
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.Residents.Where(r => r.OrgUnitId == app.World.Grids[0].Id).AllAsync(r => r.StationId == app.World.Stations[0].Id)
            )
        );
        var leader1 = await app.As("leader1");
        var leader2 = await app.As("leader2");
        var village = await ApiAssert.OkAsync<OrgUnitDetail>(
            await leader1.PostAsJsonAsync(
                "/api/v1/org-units",
                new
                {
                    code = $"T-MV-{Guid.NewGuid():N}"[..16],
                    name = "迁出村",
                    kind = "Village",
                    parentId = app.World.Districts[0].Id,
                    population = 10,
                    households = 3,
                }
            ),
            HttpStatusCode.Created
        );
        var name = $"随村迁{Random.Shared.Next(100_000, 999_999)}";
        var created = await ApiAssert.OkAsync<ResidentView>(
            await leader1.PostAsJsonAsync("/api/v1/residents", NewResident(village.Id, name, null, phone: null)),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Stations[0].Id, await StationOf(created.Id));
        Assert.Equal(created.Id, (await FirstPage(leader1)).Items[0].Id);
        Assert.DoesNotContain((await FirstPage(leader2)).Items, r => r.Id == created.Id);

        // The village moves to the second station (a county-wide planner: no built-in role moves units between stations).
        await app.Factory.WithScopeAsync(async sp =>
            await new OrgUnitService(sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>(), new CountyPlanner()).MoveAsync(
                village.Id,
                app.World.Districts[1].Id,
                village.Version
            )
        );
        Assert.Equal(app.World.Stations[1].Id, await StationOf(created.Id));
        Assert.Equal(created.Id, (await FirstPage(leader2)).Items[0].Id);
        Assert.DoesNotContain((await FirstPage(leader1)).Items, r => r.Id == created.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await leader1.GetAsync($"/api/v1/residents/{created.Id}")).StatusCode);

        // What each kind of scope knows of its stations: a station's and a district's name their station; the county's none.
        var scopes = await app.Factory.WithDbAsync(async db =>
        {
            var ids = await db
                .Users.Where(u => u.UserName == "officer2" || u.UserName == "bureau")
                .ToDictionaryAsync(u => u.UserName!, u => u.Id);
            return (
                Officer: (await Lianxin.Core.Access.DataScopeResolver.ReadAsync(db, ids["officer2"])).Scope,
                Bureau: (await Lianxin.Core.Access.DataScopeResolver.ReadAsync(db, ids["bureau"])).Scope
            );
        });
        Assert.Equal([app.World.Stations[1].Id], scopes.Officer.Stations);
        Assert.Null(scopes.Bureau.Stations);
    }

    private Task<Guid?> StationOf(Guid resident) =>
        app.Factory.WithDbAsync(db => db.Residents.Where(r => r.Id == resident).Select(r => r.StationId).FirstAsync());

    private static async Task<Lianxin.Core.Common.PagedResult<ResidentView>> FirstPage(HttpClient client) =>
        await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<ResidentView>>(await client.GetAsync("/api/v1/residents?pageSize=20"));

    private sealed class CountyPlanner : Lianxin.Core.Access.ICurrentUser
    {
        public string? UserId => null;
        public string UserName => "county-planner";
        public string? IpAddress => null;

        public bool Has(string permission) => permission == Lianxin.Core.Access.Permissions.PlacesManage;

        public Task<Lianxin.Core.Access.DataScope> GetScopeAsync(CancellationToken ct = default) =>
            Task.FromResult(Lianxin.Core.Access.DataScope.Everything);
    }
}
