using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Incidents;

/// <summary>The app with an intake step that records what it was handed and whether a transaction was open,
/// a boundary on station 1's village and grid, and an account for the 110 system on station 1.</summary>
public abstract class IncidentApp : AppFixture
{
    public ConcurrentQueue<(Guid Id, bool InTransaction)> StepCalls { get; } = new();

    // The grid is a small square inside the village's larger one; the point (114.05, 38.05) lies in both.
    public const string GridBoundary =
        """{"type":"Polygon","coordinates":[[[114.0,38.0],[114.1,38.0],[114.1,38.1],[114.0,38.1],[114.0,38.0]]]}""";
    public const string VillageBoundary =
        """{"type":"Polygon","coordinates":[[[113.9,37.9],[114.3,37.9],[114.3,38.3],[113.9,38.3],[113.9,37.9]]]}""";

    protected override LianxinFactory CreateFactory() =>
        new(Kind, services: s => s.AddScoped<IIncidentIntakeStep>(_ => new RecordingStep(StepCalls)));

    protected override async Task SeedAsync()
    {
        await Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var grid = await db.OrgUnits.FirstAsync(u => u.Id == World.Grids[0].Id);
            grid.SetGeography(GridBoundary, 38.05, 114.05);
            var village = await db.OrgUnits.FirstAsync(u => u.Id == World.Villages[0].Id);
            village.SetGeography(VillageBoundary, 38.1, 114.1);
            // Residents' address keys, as the resident service writes them.
            var normalizer = sp.GetRequiredService<AddressNormalizer>();
            foreach (var r in await db.Residents.ToListAsync())
                r.AddressKey = normalizer.Normalize(r.Address);
            await db.SaveChangesAsync();
            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            async Task Add(string name, string role, Guid unit)
            {
                var u = new LianxinUser
                {
                    UserName = name,
                    DisplayName = name,
                    OrgUnitId = unit,
                    PasswordChangedAt = DateTimeOffset.UtcNow,
                };
                Assert.True((await users.CreateAsync(u, TestWorld.Password)).Succeeded);
                await users.AddToRoleAsync(u, role);
            }
            await Add("intake110", BuiltInRoles.IntakeSystem, World.Stations[0].Id);
            await Add("villageofficer", BuiltInRoles.CommunityOfficer, World.Villages[0].Id);
            return true;
        });
    }

    private sealed class RecordingStep(ConcurrentQueue<(Guid, bool)> calls) : IIncidentIntakeStep
    {
        public int Order => 1;

        public Task OnAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct)
        {
            foreach (var i in added)
                calls.Enqueue((i.Id, db.Database.CurrentTransaction is not null));
            return Task.CompletedTask;
        }
    }
}

public sealed class IncidentSqliteApp : IncidentApp
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class IncidentPostgresApp : IncidentApp
{
    protected override DbKind Kind => DbKind.Postgres;
}

public sealed class IncidentApiSqliteTests(IncidentSqliteApp app) : IncidentApiTests(app), IClassFixture<IncidentSqliteApp>;

public sealed class IncidentApiPostgresTests(IncidentPostgresApp app) : IncidentApiTests(app), IClassFixture<IncidentPostgresApp>;

public abstract partial class IncidentApiTests(IncidentApp app)
{
    [Fact]
    public async Task The_ledger_and_the_detail_page_render_with_the_queue_and_the_masked_caller()
    {
        var leader = await app.As("leader1");
        var number = NewNumber();
        var queued = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync("/api/v1/incidents", Item(number, app.World.Stations[0].Id, address: "无人登记的地址8号")),
            HttpStatusCode.Created
        );
        var client = app.Factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        var form = await client.GetStringAsync("/account/login");
        var token = TokenField().Match(form).Groups[1].Value;
        var signIn = await client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = "leader1",
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = token,
                    ["returnUrl"] = "/",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var ledger = WebUtility.HtmlDecode(await client.GetStringAsync("/incidents"));
        Assert.Contains("data-testid=\"incident-chip-queue\"", ledger);
        Assert.Contains("data-testid=\"incident-new\"", ledger);
        Assert.Contains("data-testid=\"incident-export\"", ledger);
        Assert.Contains("href=\"/incidents\"", ledger); // the navigation entry

        var detail = WebUtility.HtmlDecode(await client.GetStringAsync($"/incidents/{queued.Summary.Id}"));
        Assert.Contains(number, detail);
        Assert.Contains("程**", detail);
        Assert.DoesNotContain("程大山", detail);
        Assert.Contains("data-testid=\"incident-place-form\"", detail);
        Assert.Contains("data-testid=\"incident-reveal\"", detail);
    }

    [System.Text.RegularExpressions.GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex TokenField();

    private static string NewNumber() => "J" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    private static object Item(
        string number,
        Guid unit,
        string? address = null,
        double? lng = null,
        double? lat = null,
        string category = "dispute",
        string? type = "dispute.neighbour",
        string? subtype = null,
        DateTimeOffset? at = null,
        string summary = "邻居因鸡吃菜发生争吵"
    ) =>
        new
        {
            number,
            receivedAt = at ?? DateTimeOffset.UtcNow.AddHours(-2),
            categoryCode = category,
            typeCode = type,
            subtypeCode = subtype,
            callerName = "程大山",
            callerPhone = "138 0013 8000",
            address,
            longitude = lng,
            latitude = lat,
            summary,
            disposition = "民警到场调解",
            handlingUnitId = unit,
            handlingOfficer = "王警官",
        };

    private Task<int> CountAsync() => app.Factory.WithDbAsync(db => db.Incidents.CountAsync());

    [Fact]
    public async Task An_incident_entered_by_hand_is_listed_shown_masked_edited_and_a_stale_edit_is_refused()
    {
        var officer = await app.As("officer1");
        var number = NewNumber();
        var created = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(number, app.World.Districts[0].Id, address: "东峪村三组1号")),
            HttpStatusCode.Created
        );
        Assert.Equal(number, created.Summary.Number);
        Assert.Equal("程**", created.CallerNameMasked);
        Assert.DoesNotContain("0013", created.CallerPhoneMasked);
        Assert.Equal(PlacementMethod.Address, created.PlacedBy);
        Assert.Equal(app.World.Grids[0].Id, created.Summary.PlaceId);
        Assert.Equal(IncidentSource.Manual, created.Summary.Source);
        Assert.Contains(app.StepCalls, c => c.Id == created.Summary.Id && c.InTransaction);

        var stored = await app.Factory.WithDbAsync(db => db.Incidents.AsNoTracking().FirstAsync(x => x.Id == created.Summary.Id));
        Assert.NotNull(stored.CallerPhoneHash);
        Assert.DoesNotContain("程大山", Encoding.UTF8.GetString(stored.CallerNameCipher!));

        var page = await ApiAssert.OkAsync<PagedResult<IncidentRow>>(
            await officer.GetAsync($"/api/v1/incidents?q={number}&category=dispute.neighbour")
        );
        Assert.Equal(created.Summary.Id, Assert.Single(page.Items).Id);

        var again = await officer.PostAsJsonAsync("/api/v1/incidents", Item(number, app.World.Districts[0].Id));
        Assert.Contains(number, (await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict)).GetProperty("title").GetString());

        var edit = new
        {
            categoryCode = "dispute",
            typeCode = "dispute.neighbour",
            subtypeCode = "dispute.neighbour.livestock",
            disposition = "调解成功",
            handlingOfficer = "李警官",
            preventable = true,
            validity = "Valid",
            version = created.Summary.Version,
        };
        var edited = await ApiAssert.OkAsync<IncidentDetail>(await officer.PutJsonAsync($"/api/v1/incidents/{created.Summary.Id}", edit));
        Assert.True(edited.Summary.Preventable);
        Assert.Equal("dispute.neighbour.livestock", edited.Summary.SubtypeCode);
        Assert.Equal("调解成功", edited.Disposition);
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync($"/api/v1/incidents/{created.Summary.Id}", edit), HttpStatusCode.Conflict);
        var preventable = await ApiAssert.OkAsync<PagedResult<IncidentRow>>(
            await officer.GetAsync($"/api/v1/incidents?q={number}&preventable=true")
        );
        Assert.Single(preventable.Items);
    }

    [Fact]
    public async Task The_same_batch_twice_adds_nothing_and_a_batch_with_bad_items_stores_the_good_ones()
    {
        var system = await app.As("intake110");
        var unit = app.World.Stations[0].Id;
        var numbers = Enumerable.Range(0, 3).Select(_ => NewNumber()).ToList();
        var batch = new { items = numbers.Select(n => Item(n, unit)).ToArray() };
        var first = await ApiAssert.OkAsync<IncidentBatchResult>(await system.PostAsJsonAsync("/api/v1/incidents/batch", batch));
        Assert.Equal(3, first.Created);
        Assert.All(first.Items, i => Assert.Equal(IntakeOutcome.Created, i.Outcome));
        var before = await CountAsync();
        var steps = app.StepCalls.Count;

        var second = await ApiAssert.OkAsync<IncidentBatchResult>(await system.PostAsJsonAsync("/api/v1/incidents/batch", batch));
        Assert.Equal(0, second.Created);
        Assert.Equal(3, second.Duplicates);
        Assert.Equal(first.Items.Select(i => i.Id), second.Items.Select(i => i.Id));
        Assert.Equal(before, await CountAsync());
        Assert.Equal(steps, app.StepCalls.Count);

        var good1 = NewNumber();
        var good2 = NewNumber();
        var mixed = new
        {
            items = new object?[]
            {
                Item(good1, unit),
                Item(NewNumber(), unit, category: "dispute.neighbour", type: null), // a type given as a category
                Item(NewNumber(), unit, at: DateTimeOffset.UtcNow.AddHours(1)), // in the future
                Item(good2, unit),
                Item(good2, unit), // twice in one batch
                Item(NewNumber(), unit, type: "criminal.theft"), // a type of another category
                null,
            },
        };
        var result = await ApiAssert.OkAsync<IncidentBatchResult>(await system.PostAsJsonAsync("/api/v1/incidents/batch", mixed));
        Assert.Equal(2, result.Created);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(4, result.Invalid);
        Assert.Contains("categoryCode", result.Items[1].Errors!.Keys);
        Assert.Contains("receivedAt", result.Items[2].Errors!.Keys);
        Assert.Equal(result.Items[3].Id, result.Items[4].Id);
        Assert.Contains("typeCode", result.Items[5].Errors!.Keys);
        Assert.Equal(before + 2, await CountAsync());
        var stored = await app.Factory.WithDbAsync(db =>
            db.Incidents.AsNoTracking().Where(x => x.Number == good1 || x.Number == good2).ToListAsync()
        );
        Assert.All(stored, x => Assert.Equal(IncidentSource.Api, x.Source));
    }

    [Fact]
    public async Task Two_systems_sending_overlapping_batches_at_once_store_each_number_once()
    {
        var system = await app.As("intake110");
        var leader = await app.As("leader1");
        var unit = app.World.Stations[0].Id;
        var numbers = Enumerable.Range(0, 20).Select(_ => NewNumber()).ToList();
        var a = new { items = numbers.Take(15).Select(n => Item(n, unit)).ToArray() };
        var b = new { items = numbers.Skip(5).Select(n => Item(n, unit)).ToArray() };
        var before = await CountAsync();
        var responses = await Task.WhenAll(
            system.PostAsJsonAsync("/api/v1/incidents/batch", a),
            leader.PostAsJsonAsync("/api/v1/incidents/batch", b)
        );
        var results = new List<IncidentBatchResult>();
        foreach (var r in responses)
            results.Add(await ApiAssert.OkAsync<IncidentBatchResult>(r));
        Assert.Equal(20, results.Sum(r => r.Created));
        Assert.Equal(10, results.Sum(r => r.Duplicates));
        Assert.Equal(before + 20, await CountAsync());
    }

    [Fact]
    public async Task A_station_never_sees_another_stations_incidents_and_a_village_officer_sees_the_village()
    {
        var officer1 = await app.As("officer1");
        var inGrid = await ApiAssert.OkAsync<IncidentDetail>(
            await officer1.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), app.World.Districts[0].Id, lng: 114.05, lat: 38.05)),
            HttpStatusCode.Created
        );
        var queued = await ApiAssert.OkAsync<IncidentDetail>(
            await officer1.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), app.World.Districts[0].Id)),
            HttpStatusCode.Created
        );

        var leader2 = await app.As("leader2");
        var list2 = await (await leader2.GetAsync("/api/v1/incidents?pageSize=200")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(inGrid.Summary.Id.ToString(), list2);
        Assert.DoesNotContain(queued.Summary.Id.ToString(), list2);
        await ApiAssert.ProblemAsync(await leader2.GetAsync($"/api/v1/incidents/{inGrid.Summary.Id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await leader2.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), app.World.Stations[0].Id)),
            HttpStatusCode.Forbidden
        );
        var before = await CountAsync();
        await ApiAssert.ProblemAsync(
            await leader2.PostAsJsonAsync(
                "/api/v1/incidents/batch",
                new { items = new[] { Item(NewNumber(), app.World.Stations[1].Id), Item(NewNumber(), app.World.Stations[0].Id) } }
            ),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(before, await CountAsync());

        var village = await app.As("villageofficer");
        var seen = await (await village.GetAsync("/api/v1/incidents?pageSize=200")).Content.ReadAsStringAsync();
        Assert.Contains(inGrid.Summary.Id.ToString(), seen);
        Assert.DoesNotContain(queued.Summary.Id.ToString(), seen); // still at the district, waiting to be placed
        Assert.Equal(HttpStatusCode.OK, (await village.GetAsync($"/api/v1/incidents/{inGrid.Summary.Id}")).StatusCode);
    }

    [Fact]
    public async Task Placement_takes_the_smallest_boundary_then_the_address_and_else_the_queue_where_staff_place_by_hand()
    {
        var leader = await app.As("leader1");
        var station = app.World.Stations[0].Id;
        var grid = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(NewNumber(), station, lng: 114.05, lat: 38.05, address: "西峪村三组1号")
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Grids[0].Id, grid.Summary.PlaceId);
        Assert.Equal(PlacementMethod.Coordinates, grid.PlacedBy);

        var village = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), station, lng: 114.25, lat: 38.25)),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Villages[0].Id, village.Summary.PlaceId);

        var byAddress = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync(
                "/api/v1/incidents",
                Item(NewNumber(), station, lng: 120.0, lat: 30.0, address: "东峪村第三组二号")
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(PlacementMethod.Address, byAddress.PlacedBy);
        Assert.Equal(app.World.Grids[0].Id, byAddress.Summary.PlaceId);

        // Station 2's residents live at 西峪村: never a match for station 1's incident.
        var queued = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), station, address: "西峪村三组1号")),
            HttpStatusCode.Created
        );
        Assert.Null(queued.Summary.PlaceId);
        Assert.Equal(station, queued.Summary.OrgUnitId);
        var queue = await ApiAssert.OkAsync<PagedResult<IncidentRow>>(
            await leader.GetAsync("/api/v1/incidents?unplaced=true&pageSize=200")
        );
        Assert.Contains(queue.Items, r => r.Id == queued.Summary.Id);
        Assert.DoesNotContain(queue.Items, r => r.Id == grid.Summary.Id);

        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/incidents/{queued.Summary.Id}/place",
                new { orgUnitId = app.World.Villages[1].Id, version = queued.Summary.Version }
            ),
            HttpStatusCode.Forbidden
        );
        var placed = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync(
                $"/api/v1/incidents/{queued.Summary.Id}/place",
                new { orgUnitId = app.World.Villages[0].Id, version = queued.Summary.Version }
            )
        );
        Assert.Equal(PlacementMethod.Hand, placed.PlacedBy);
        Assert.Equal(app.World.Villages[0].Id, placed.Summary.OrgUnitId);
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/incidents/{queued.Summary.Id}/place",
                new { orgUnitId = app.World.Villages[0].Id, version = queued.Summary.Version }
            ),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_4xx_and_writes_nothing()
    {
        var officer = await app.As("officer1");
        var unit = app.World.Districts[0].Id;
        var before = await CountAsync();
        var malformed = new StringContent("{\"number\": \"J1\", \"receivedAt\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/v1/incidents", malformed)).StatusCode);
        var wrongType = new StringContent("{\"number\": 12, \"longitude\": \"east\"}", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/v1/incidents", wrongType)).StatusCode);
        var cases = new (object Body, string Field)[]
        {
            (Item(NewNumber(), unit, summary: new string('长', TextLimits.Text + 1)), "summary"),
            (Item(new string('9', 40), unit), "number"),
            (Item("J 1;drop table", unit), "number"),
            (Item(NewNumber(), unit, category: "dispute.neighbour", type: null), "categoryCode"),
            (Item(NewNumber(), unit, type: "dispute.neighbour.livestock"), "typeCode"),
            (Item(NewNumber(), unit, subtype: "dispute.neighbour"), "subtypeCode"),
            (Item(NewNumber(), unit, at: DateTimeOffset.UtcNow.AddMinutes(30)), "receivedAt"),
            (Item(NewNumber(), unit, lng: 200, lat: 38), "longitude"),
            (Item(NewNumber(), unit, lng: 114), "longitude"),
        };
        foreach (var (body, field) in cases)
        {
            var p = await ApiAssert.ProblemAsync(
                await officer.PostAsJsonAsync("/api/v1/incidents", body),
                HttpStatusCode.UnprocessableEntity
            );
            Assert.True(p.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {p.GetRawText()}");
        }
        var tooMany = new { items = Enumerable.Range(0, IncidentService.MaxBatch + 1).Select(_ => Item(NewNumber(), unit)).ToArray() };
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync("/api/v1/incidents/batch", tooMany), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents/batch", new { items = Array.Empty<object>() }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/incidents?pageSize=100000"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await officer.GetAsync($"/api/v1/incidents?q={new string('x', 100)}"),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Revealing_the_caller_needs_the_permission_and_is_audited_with_the_reason()
    {
        var officer = await app.As("officer1");
        var x = await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), app.World.Districts[0].Id)),
            HttpStatusCode.Created
        );
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync($"/api/v1/incidents/{x.Summary.Id}/caller/reveal", new { reason = "回访" }),
            HttpStatusCode.Forbidden
        );

        var shown = await ApiAssert.OkAsync<RevealedCaller>(
            await officer.PostAsJsonAsync($"/api/v1/incidents/{x.Summary.Id}/caller/reveal", new { reason = "回访报警人" })
        );
        Assert.Equal("程大山", shown.Name);
        Assert.Equal("13800138000", shown.Phone);
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Reveal && a.EntityId == x.Summary.Id.ToString())
                .FirstOrDefaultAsync()
        );
        Assert.NotNull(line);
        Assert.Equal(app.World.UserIds["officer1"], line.UserId);
        Assert.Contains("回访报警人", line.Summary);
    }

    [Fact]
    public async Task Related_links_are_added_once_and_removed_and_the_export_is_audited()
    {
        var leader = await app.As("leader1");
        var a = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), app.World.Stations[0].Id)),
            HttpStatusCode.Created
        );
        var b = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), app.World.Stations[0].Id)),
            HttpStatusCode.Created
        );
        var linked = await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsync($"/api/v1/incidents/{b.Summary.Id}/links/{a.Summary.Id}", null)
        );
        Assert.Equal(a.Summary.Id, Assert.Single(linked.Related).Id);
        await ApiAssert.OkAsync<IncidentDetail>(await leader.PostAsync($"/api/v1/incidents/{a.Summary.Id}/links/{b.Summary.Id}", null));
        var fromA = await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{a.Summary.Id}"));
        Assert.Equal(b.Summary.Id, Assert.Single(fromA.Related).Id);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await leader.DeleteAsync($"/api/v1/incidents/{a.Summary.Id}/links/{b.Summary.Id}")).StatusCode
        );
        Assert.Empty((await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{a.Summary.Id}"))).Related);
        await ApiAssert.ProblemAsync(
            await leader.DeleteAsync($"/api/v1/incidents/{a.Summary.Id}/links/{b.Summary.Id}"),
            HttpStatusCode.NotFound
        );

        var repeat = new
        {
            categoryCode = "dispute",
            typeCode = "dispute.neighbour",
            repeatOfId = a.Summary.Id,
            version = b.Summary.Version,
        };
        var marked = await ApiAssert.OkAsync<IncidentDetail>(await leader.PutJsonAsync($"/api/v1/incidents/{b.Summary.Id}", repeat));
        Assert.Equal(IncidentValidity.Repeat, marked.Summary.Validity);
        Assert.Equal(a.Summary.Number, marked.RepeatOfNumber);

        var file = await leader.GetAsync("/api/v1/incidents/export?validity=Repeat");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(e =>
                    e.Action == AuditAction.Export && e.EntityType == nameof(Incident) && e.UserId == app.World.UserIds["leader1"]
                )
            )
        );
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("officer1")).GetAsync("/api/v1/incidents/export")).StatusCode);
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.ProblemAsync(await auxiliary.GetAsync("/api/v1/incidents/export"), HttpStatusCode.Forbidden);
    }
}
