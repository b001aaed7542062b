using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Common;

public sealed class LedgerKeysetSqliteTests(SqliteApp app) : LedgerKeysetTests(app), IClassFixture<SqliteApp>;

public sealed class LedgerKeysetPostgresTests(PostgresApp app) : LedgerKeysetTests(app), IClassFixture<PostgresApp>;

/// <summary>The dispute, incident and resident ledgers page by key: walking them with <c>after</c> returns every row
/// once, in order, also when many rows share the sort time and when rows are added between pages; the caller's scope
/// holds on every page whatever the token says; and a page by key is the page by number.</summary>
public abstract class LedgerKeysetTests(AppFixture app)
{
    private static string Token() => Guid.NewGuid().ToString("N")[..10];

    /// <summary>Every page of <paramref name="url"/> by <c>after</c>, calling <paramref name="between"/> after the first.</summary>
    private static async Task<List<T>> WalkAsync<T>(HttpClient c, string url, Func<Task>? between = null)
    {
        var rows = new List<T>();
        string? next = null;
        for (var pages = 0; pages < 100; pages++)
        {
            var page = await ApiAssert.OkAsync<PagedResult<T>>(
                await c.GetAsync(next is null ? url : $"{url}&after={Uri.EscapeDataString(next)}")
            );
            Assert.True(page.Items.Count <= page.PageSize);
            rows.AddRange(page.Items);
            if (page.Next is null)
                return rows;
            Assert.Equal(page.PageSize, page.Items.Count);
            next = page.Next;
            if (pages == 0 && between is not null)
                await between();
        }
        throw new InvalidOperationException("the walk does not end");
    }

    private async Task<Guid> IncidentAsync(HttpClient c, string words, DateTimeOffset at, int station = 0) => (
            await ApiAssert.OkAsync<IncidentDetail>(
                await c.PostAsJsonAsync(
                    "/api/v1/incidents",
                    new
                    {
                        number = "J" + Token().ToUpperInvariant(),
                        receivedAt = at,
                        categoryCode = "dispute",
                        typeCode = "dispute.neighbour",
                        summary = $"邻居争吵{words}",
                        handlingUnitId = app.World.Stations[station].Id,
                    }
                ),
                HttpStatusCode.Created
            )
        ).Summary.Id;

    [Fact]
    public async Task The_incident_ledger_walked_by_key_returns_every_row_once_in_order_with_ties_and_inserts_between_pages()
    {
        var bureau = await app.As("bureau");
        var (one, two) = (await app.As("leader1"), await app.As("leader2"));
        var words = Token();
        var tie = DateTimeOffset.UtcNow.AddDays(-3).AddTicks(-(DateTimeOffset.UtcNow.Ticks % TimeSpan.TicksPerSecond));
        var ids = new List<Guid>();
        for (var i = 0; i < 9; i++)
            ids.Add(await IncidentAsync(one, words, tie));
        for (var i = 0; i < 4; i++)
            ids.Add(await IncidentAsync(one, words, tie.AddMinutes(-i - 1)));
        for (var i = 0; i < 3; i++)
            ids.Add(await IncidentAsync(two, words, tie.AddHours(1), station: 1));
        var url = $"/api/v1/incidents?q={words}&pageSize=4";

        var offsetFirst = await ApiAssert.OkAsync<PagedResult<IncidentRow>>(await bureau.GetAsync(url));
        Assert.Equal(16, offsetFirst.Total);
        Assert.True(offsetFirst.TotalExact);
        var added = new List<Guid>();
        var walked = await WalkAsync<IncidentRow>(bureau, url, async () =>
        {
            // Newer than the page read (never shown now), and at the tie being walked (shown at most once).
            added.Add(await IncidentAsync(one, words, tie.AddHours(2)));
            added.Add(await IncidentAsync(one, words, tie));
            added.Add(await IncidentAsync(one, words, tie));
        });

        Assert.Equal(offsetFirst.Items.Select(r => r.Id), walked.Take(4).Select(r => r.Id));
        Assert.Equal(walked.Count, walked.Select(r => r.Id).Distinct().Count());
        Assert.All(ids, id => Assert.Single(walked, r => r.Id == id));
        Assert.DoesNotContain(added[0], walked.Select(r => r.Id));
        Assert.Equal(walked.OrderByDescending(r => r.ReceivedAt).Select(r => r.Id), walked.Select(r => r.Id));
        Assert.All(walked.Select(r => r.Id), id => Assert.True(ids.Contains(id) || added.Contains(id)));

        // A station's leader walking from the county's token still sees only the station's incidents, on every page.
        var first = await ApiAssert.OkAsync<PagedResult<IncidentRow>>(await bureau.GetAsync(url));
        var leader = one;
        var own = await WalkAsync<IncidentRow>(leader, url);
        var station = await app.Factory.WithDbAsync(db =>
            db.Incidents.Where(i => i.Summary.Contains(words) && i.OrgUnit!.Path.StartsWith(app.World.Stations[0].Path)).CountAsync()
        );
        Assert.Equal(station, own.Count);
        Assert.All(own, r => Assert.Equal("邻居争吵" + words, r.Summary));
        var fromToken = await ApiAssert.OkAsync<PagedResult<IncidentRow>>(
            await leader.GetAsync($"{url}&after={Uri.EscapeDataString(first.Next!)}")
        );
        Assert.All(fromToken.Items, r => Assert.Contains(r.Id, own.Select(o => o.Id)));
        Assert.DoesNotContain(fromToken.Items, r => ids[^3..].Contains(r.Id));
    }

    [Fact]
    public async Task The_dispute_ledger_walked_by_key_returns_every_row_once_when_all_share_one_registration_time()
    {
        var officer = await app.As("officer1");
        var title = "菜地纠纷" + Token();
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
            ids.Add(await DisputeAsync(officer, title));
        var at = DateTimeOffset.UtcNow.AddDays(-1);
        at = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await app.Factory.WithDbAsync(db =>
            db.Disputes.Where(d => ids.Contains(d.Id)).ExecuteUpdateAsync(s => s.SetProperty(d => d.RegisteredAt, at))
        );
        var url = $"/api/v1/disputes?q={Uri.EscapeDataString(title)}&pageSize=2";
        var added = new List<Guid>();
        var walked = await WalkAsync<DisputeRow>(officer, url, async () => added.Add(await DisputeAsync(officer, title)));

        Assert.Equal(walked.Count, walked.Select(r => r.Id).Distinct().Count());
        Assert.All(ids, id => Assert.Single(walked, r => r.Id == id));
        Assert.DoesNotContain(added[0], walked.Select(r => r.Id));
        Assert.Equal(7, walked.Count);

        // The county sees them too; a leader of the other station walks none of them, even from a token of them.
        var token = (await ApiAssert.OkAsync<PagedResult<DisputeRow>>(await officer.GetAsync(url))).Next!;
        var other = await app.As("leader2");
        Assert.Empty(await WalkAsync<DisputeRow>(other, url));
        Assert.Empty((await ApiAssert.OkAsync<PagedResult<DisputeRow>>(await other.GetAsync($"{url}&after={token}"))).Items);
    }

    private async Task<Guid> DisputeAsync(HttpClient c, string title) => (
            await ApiAssert.OkAsync<DisputeDetail>(
                await c.PostAsJsonAsync(
                    "/api/v1/disputes",
                    new
                    {
                        title,
                        categoryCode = "neighbour",
                        source = "HouseholdHead",
                        orgUnitId = app.World.Villages[0].Id,
                        description = "两家因菜地边界争吵",
                        parties = new object[] { new { role = "Applicant", name = "程某" }, new { role = "Respondent", name = "李某" } },
                    }
                ),
                HttpStatusCode.Created
            )
        ).Summary.Id;

    [Fact]
    public async Task The_resident_list_walked_by_key_returns_every_resident_once_and_only_in_scope()
    {
        var officer = await app.As("officer1");
        var name = "钱" + Token()[..6];
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
            ids.Add(await ResidentAsync(officer, name, app.World.Grids[0].Id));
        var otherStation = await ResidentAsync(await app.As("officer2"), name, app.World.Grids[1].Id);
        var url = $"/api/v1/residents?q={Uri.EscapeDataString(name)}&pageSize=2";
        var added = new List<Guid>();
        var walked = await WalkAsync<ResidentView>(officer, url, async () =>
            added.Add(await ResidentAsync(officer, name, app.World.Grids[0].Id))
        );

        Assert.Equal(ids.OrderDescending(), walked.Select(r => r.Id).OrderDescending());
        Assert.DoesNotContain(otherStation, walked.Select(r => r.Id));
        var county = await WalkAsync<ResidentView>(await app.As("bureau"), url);
        Assert.Contains(otherStation, county.Select(r => r.Id));
        Assert.Equal(county.Count, county.Select(r => r.Id).Distinct().Count());
        Assert.Equal(7, county.Count);
    }

    private static async Task<Guid> ResidentAsync(HttpClient c, string name, Guid unit) =>
        (
            await ApiAssert.OkAsync<ResidentView>(
                await c.PostAsJsonAsync("/api/v1/residents", new { name, orgUnitId = unit }),
                HttpStatusCode.Created
            )
        ).Id;

    [Theory]
    [InlineData("/api/v1/disputes?after=not-a-token")]
    [InlineData("/api/v1/incidents?after=%25%25%25")]
    [InlineData("/api/v1/residents?after=AAAA")]
    [InlineData("/api/v1/residents?sort=name&after={residents}")]
    [InlineData("/api/v1/disputes?after={residents}")]
    [InlineData("/api/v1/residents?page=2&after={residents}")]
    public async Task A_forged_or_foreign_token_is_a_422_on_after(string url)
    {
        var leader = await app.As("leader1");
        var token = (await ApiAssert.OkAsync<PagedResult<ResidentView>>(await leader.GetAsync("/api/v1/residents?pageSize=1"))).Next;
        Assert.NotNull(token);
        var problem = await ApiAssert.ProblemAsync(
            await leader.GetAsync(url.Replace("{residents}", token, StringComparison.Ordinal)),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.True(problem.GetProperty("errors").TryGetProperty("after", out _));
    }
}
