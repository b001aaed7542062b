using System.Collections;
using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Incidents;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentDetailQuerySqliteTests(SqliteApp app) : IncidentDetailQueryTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentDetailQueryPostgresTests(PostgresApp app) : IncidentDetailQueryTests(app), IClassFixture<PostgresApp>;

/// <summary>The incident detail reads the incident with its links in one statement and its parties in another, and
/// still shows only what lies in the caller's scope.</summary>
public abstract class IncidentDetailQueryTests(AppFixture app)
{
    private static string NewNumber() => "Q" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    private object Item(string number, Guid unit) =>
        new
        {
            number,
            receivedAt = DateTimeOffset.UtcNow.AddHours(-2),
            categoryCode = "dispute",
            callerName = "报警人",
            callerPhone = $"138{Random.Shared.Next(10_000_000, 99_999_999)}",
            address = $"详情测试{Guid.NewGuid():N}号",
            summary = "邻里纠纷",
            handlingUnitId = unit,
            parties = new object[]
            {
                new
                {
                    role = "Party",
                    name = "陈立新",
                    phone = $"139{Random.Shared.Next(10_000_000, 99_999_999)}",
                },
                new { role = "Witness", name = "黄丽" },
            },
        };

    /// <summary>Counts the database commands, from any context, that carry one of the given ids as a parameter.</summary>
    private sealed class CommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly HashSet<string> _ids;
        private readonly List<IDisposable> _subscriptions = [];
        public ConcurrentQueue<string> Commands { get; } = new();

        public CommandCounter(IEnumerable<Guid> ids)
        {
            _ids = ids.Select(i => i.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key != RelationalEventId.CommandExecuting.Name || e.Value is not CommandEventData data)
                return;
            if (data.Command.Parameters.Cast<DbParameter>().Any(p => Carries(p.Value)))
                Commands.Enqueue(data.Command.CommandText);
        }

        private bool Carries(object? value) =>
            value switch
            {
                null => false,
                string s => _ids.Contains(s),
                Guid g => _ids.Contains(g.ToString()),
                IEnumerable list => list.Cast<object?>().Any(Carries),
                _ => _ids.Contains(value.ToString() ?? ""),
            };

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions)
                foreach (var s in _subscriptions)
                    s.Dispose();
        }
    }

    [Fact]
    public async Task The_detail_takes_two_statements_and_shows_links_only_in_scope()
    {
        var leader = await app.As("leader1");
        var other = await app.As("leader2");
        async Task<IncidentDetail> CreateAsync(HttpClient client, Guid unit) =>
            await ApiAssert.OkAsync<IncidentDetail>(
                await client.PostAsJsonAsync("/api/v1/incidents", Item(NewNumber(), unit)),
                HttpStatusCode.Created
            );
        var x = await CreateAsync(leader, app.World.Stations[0].Id);
        var original = await CreateAsync(leader, app.World.Stations[0].Id);
        var related = await CreateAsync(leader, app.World.Stations[0].Id);
        var elsewhere = await CreateAsync(other, app.World.Stations[1].Id);
        await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsync($"/api/v1/incidents/{x.Summary.Id}/links/{related.Summary.Id}", null)
        );
        await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PutJsonAsync(
                $"/api/v1/incidents/{x.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    repeatOfId = original.Summary.Id,
                    version = x.Summary.Version,
                }
            )
        );
        var expected = await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{x.Summary.Id}"));
        Assert.Equal(original.Summary.Number, expected.RepeatOfNumber);
        Assert.Equal(related.Summary.Id, Assert.Single(expected.Related).Id);
        Assert.Equal(2, expected.Parties.Count);
        Assert.Equal("第1派出所", expected.HandlingUnitName);
        Assert.NotNull(expected.Summary.OrgUnitName);

        using (var counter = new CommandCounter([x.Summary.Id, original.Summary.Id, related.Summary.Id]))
        {
            var again = await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{x.Summary.Id}"));
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(expected), System.Text.Json.JsonSerializer.Serialize(again));
            // The incident with its links and names, and its parties (each statement carries the incident's id).
            Assert.True(counter.Commands.Count == 2, string.Join("\n----\n", counter.Commands));
        }

        // A link to another station's incident is not shown; nor is it to that station's leader, who cannot see x at all.
        await app.Factory.WithDbAsync(async db =>
        {
            var (a, b) =
                x.Summary.Id.CompareTo(elsewhere.Summary.Id) < 0
                    ? (x.Summary.Id, elsewhere.Summary.Id)
                    : (elsewhere.Summary.Id, x.Summary.Id);
            db.IncidentLinks.Add(
                new IncidentLink
                {
                    IncidentId = a,
                    RelatedId = b,
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            await db.SaveChangesAsync();
            await db
                .Incidents.Where(i => i.Id == related.Summary.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.RepeatOfId, elsewhere.Summary.Id));
            return 0;
        });
        var shown = await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{x.Summary.Id}"));
        Assert.Equal(related.Summary.Id, Assert.Single(shown.Related).Id);
        var relatedShown = await ApiAssert.OkAsync<IncidentDetail>(await leader.GetAsync($"/api/v1/incidents/{related.Summary.Id}"));
        Assert.Equal(elsewhere.Summary.Id, relatedShown.RepeatOfId);
        Assert.Null(relatedShown.RepeatOfNumber);
        Assert.Equal(x.Summary.Id, Assert.Single(relatedShown.Related).Id);
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/incidents/{x.Summary.Id}"), HttpStatusCode.NotFound);
        var theirs = await ApiAssert.OkAsync<IncidentDetail>(await other.GetAsync($"/api/v1/incidents/{elsewhere.Summary.Id}"));
        Assert.Empty(theirs.Related);
    }
}
