using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents;
using Lianxin.Core.Upkeep;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Incidents;

public sealed class LedgerSearchSqliteTests(SqliteApp app) : LedgerSearchTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerSearchPostgresTests(PostgresApp app) : LedgerSearchTests(app), IClassFixture<PostgresApp>;

/// <summary>The incident and dispute ledgers find a record by what people remember of it: an address however it
/// is written, a caller's name or phone, words of the summary; a party's name, words of the description.</summary>
public abstract class LedgerSearchTests(AppFixture app)
{
    private static string Token() => Guid.NewGuid().ToString("N")[..10];

    private async Task<IncidentDetail> IncidentAsync(HttpClient c, string address, string caller, string phone, string summary) =>
        await ApiAssert.OkAsync<IncidentDetail>(
            await c.PostAsJsonAsync(
                "/api/v1/incidents",
                new
                {
                    number = "J" + Token().ToUpperInvariant(),
                    receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
                    categoryCode = "dispute",
                    typeCode = "dispute.neighbour",
                    callerName = caller,
                    callerPhone = phone,
                    address,
                    summary,
                    handlingUnitId = app.World.Stations[0].Id,
                }
            ),
            HttpStatusCode.Created
        );

    private static async Task<List<Guid>> FindAsync(HttpClient c, string path, string q) =>
        [
            .. (
                await ApiAssert.OkAsync<PagedResult<IncidentRow>>(await c.GetAsync($"{path}?q={Uri.EscapeDataString(q)}&pageSize=200"))
            ).Items.Select(i => i.Id),
        ];

    [Fact]
    public async Task The_incident_ledger_finds_by_address_key_caller_phone_and_summary_and_nothing_else()
    {
        var leader = await app.As("leader1");
        var n = Random.Shared.Next(100, 999);
        var digits = Random.Shared.Next(1000, 9999);
        var (words, caller) = (Token(), "程" + Token());
        var a = await IncidentAsync(leader, $"东峪村第三组{n}号", caller, $"139 0013 {digits}", $"邻居因鸡吃菜{words}争吵");
        var b = await IncidentAsync(leader, $"西峪村二组{n + 1}号", "程大山", $"137 0013 {digits}", "邻居因占道停车争吵");

        foreach (var q in new[] { $"东峪村3组{n}号", caller, $"1390013{digits}", words })
        {
            var found = await FindAsync(leader, "/api/v1/incidents", q);
            Assert.Contains(a.Summary.Id, found);
            Assert.DoesNotContain(b.Summary.Id, found);
        }
        var other = await FindAsync(leader, "/api/v1/incidents", $"13700 13{digits}");
        Assert.Contains(b.Summary.Id, other);
        Assert.DoesNotContain(a.Summary.Id, other);

        var file = await leader.GetAsync($"/api/v1/incidents/export?q={words}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        await ApiAssert.ProblemAsync(
            await leader.GetAsync($"/api/v1/incidents?q={new string('村', TextLimits.Name + 1)}"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.GetAsync($"/api/v1/incidents/export?q={new string('村', TextLimits.Name + 1)}"),
            HttpStatusCode.UnprocessableEntity
        );
    }

    [Fact]
    public async Task Incidents_stored_before_the_caller_name_index_get_it_and_are_then_found_by_name()
    {
        var leader = await app.As("leader1");
        var caller = "闵" + Token();
        var old = await IncidentAsync(leader, "东峪村一组8号", caller, "139 0014 0001", "邻居因排水沟争吵");
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
            // As stored before the index existed.
            await db
                .Incidents.Where(i => i.Id == old.Summary.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.CallerNameHash, (string?)null));
        }
        Assert.DoesNotContain(old.Summary.Id, await FindAsync(leader, "/api/v1/incidents", caller));
        var version = old.Summary.Version;

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
            Assert.True(await CallerNameIndexFill.RunAsync(db, protector, chunk: 2) >= 1);
            // A second run finds nothing left.
            Assert.Equal(0, await CallerNameIndexFill.RunAsync(db, protector, chunk: 2));
        }
        Assert.Contains(old.Summary.Id, await FindAsync(leader, "/api/v1/incidents", caller));
        var again = await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{old.Summary.Id}"));
        Assert.Equal(version, again.Summary.Version);
    }

    [Fact]
    public async Task The_dispute_ledger_finds_by_party_name_and_description_and_nothing_else()
    {
        var officer = await app.As("officer1");
        var (name, words) = ("程" + Token(), Token());
        async Task<DisputeDetail> Register(string party, string description) =>
            await ApiAssert.OkAsync<DisputeDetail>(
                await officer.PostAsJsonAsync(
                    "/api/v1/disputes",
                    new
                    {
                        title = "鸡吃邻居菜地纠纷",
                        categoryCode = "neighbour",
                        source = "HouseholdHead",
                        orgUnitId = app.World.Villages[0].Id,
                        description,
                        address = "东峪村三组5号",
                        parties = new object[] { new { role = "Respondent", name = party } },
                    }
                ),
                HttpStatusCode.Created
            );
        var a = await Register(name, $"程某家的鸡跑进邻居院子{words}");
        var b = await Register("程" + Token(), "两家因宅基地争吵");

        foreach (var q in new[] { name, words })
        {
            var found = (await ApiAssert.OkAsync<PagedResult<DisputeRow>>(await officer.GetAsync($"/api/v1/disputes?q={q}&pageSize=200")))
                .Items.Select(d => d.Id)
                .ToList();
            Assert.Contains(a.Summary.Id, found);
            Assert.DoesNotContain(b.Summary.Id, found);
        }
        await ApiAssert.ProblemAsync(
            await officer.GetAsync($"/api/v1/disputes?q={new string('纠', TextLimits.Name + 1)}"),
            HttpStatusCode.UnprocessableEntity
        );
    }
}
