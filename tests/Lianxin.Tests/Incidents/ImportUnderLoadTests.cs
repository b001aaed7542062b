using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Import;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;
using static Lianxin.Tests.Support.IncidentImportUploads;

namespace Lianxin.Tests.Incidents;

/// <summary>The app with a short wait for the write lock, so a write queued behind an import is turned away within
/// the test's time rather than after the default.</summary>
public abstract class ImportLoadApp : AppFixture
{
    protected override LianxinFactory CreateFactory() => new(Kind, settings: new() { ["Database:WriteWaitSeconds"] = "2" });
}

public sealed class SqliteImportLoadApp : ImportLoadApp
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class PostgresImportLoadApp : ImportLoadApp
{
    protected override DbKind Kind => DbKind.Postgres;
}

public sealed class ImportUnderLoadSqliteTests(SqliteImportLoadApp app, ITestOutputHelper output)
    : ImportUnderLoadTests(app, output),
        IClassFixture<SqliteImportLoadApp>;

public sealed class ImportUnderLoadPostgresTests(PostgresImportLoadApp app, ITestOutputHelper output)
    : ImportUnderLoadTests(app, output),
        IClassFixture<PostgresImportLoadApp>;

public abstract class ImportUnderLoadTests(ImportLoadApp app, ITestOutputHelper output)
{
    /// <summary>Large enough that edits land while it runs, small enough for the test to stay well under half a minute.</summary>
    private const int Rows = 6_000;

    private static readonly string Header = string.Join(",", IncidentImportTemplate.Columns.Select(c => c.Header));

    /// <summary>Rows at 300 addresses within three weeks: every address a repeat cluster that grows in every part of
    /// the intake, so the import audits and saves clusters throughout, as a real 110 export does.</summary>
    private static byte[] File(string prefix, int rows = Rows, int addresses = 300)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var n = 1; n <= rows; n++)
        {
            var day = 1 + n * 21 / rows;
            text.AppendJoin(
                    ",",
                    $"{prefix}{n:000000}",
                    $"2026-10-{day:00} {n % 24:00}:{n % 60:00}:{n / 60 % 60:00}",
                    "dispute",
                    "dispute.neighbour",
                    "",
                    "王某某",
                    $"139{n % 5000 + 10_000_000:00000000}",
                    $"东港豪庭{n % addresses}号楼2单元501",
                    "",
                    "",
                    "邻居装修噪音扰民",
                    "民警到场调解",
                    "T-S1",
                    "李警官",
                    "否",
                    "有效"
                )
                .Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private sealed record Edit(string Name, HttpStatusCode Status, string? RetryAfter, string? MediaType, string Body);

    [Fact]
    public async Task Edits_during_a_large_import_succeed_or_get_503_with_retry_after_and_the_import_finishes_with_nothing_lost()
    {
        var prefix = "L" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var file = File(prefix);
        var leader = await app.As("leader1");
        var officer = await app.As("officer1");
        var grid = app.World.Grids[0].Id;
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var import = Task.Run(() => UploadAsync(leader, "大文件.csv", file));
        var edits = new ConcurrentBag<Edit>();
        var next = 0;
        async Task EditorAsync()
        {
            // Registering residents until the import is over, and a few more after it.
            var after = 0;
            while (after < 2)
            {
                if (import.IsCompleted)
                    after++;
                var n = Interlocked.Increment(ref next);
                var name = $"{prefix}-{n}";
                using var response = await officer.PostAsJsonAsync(
                    "/api/v1/residents",
                    new
                    {
                        name,
                        idNumber = TestWorld.IdFor(1940 + n / 1000, n),
                        phone = "13912345678",
                        address = $"东峪村三组{n}号",
                        orgUnitId = grid,
                    }
                );
                edits.Add(
                    new Edit(
                        name,
                        response.StatusCode,
                        response.Headers.TryGetValues("Retry-After", out var v) ? v.Single() : null,
                        response.Content.Headers.ContentType?.MediaType,
                        await response.Content.ReadAsStringAsync()
                    )
                );
                await Task.Delay(50);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => EditorAsync()));

        using var uploaded = await import;
        var took = clock.Elapsed;
        var batch = await ApiAssert.OkAsync<IncidentImportView>(uploaded, HttpStatusCode.Created);
        Assert.Equal((IncidentImportStatus.Done, Rows), (batch.Status, batch.Stored));
        // Alone it takes a few seconds here; a deadlock broken by the 30 s busy timeout would take far longer.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"import and edits took {clock.Elapsed}");

        output.WriteLine(
            $"import of {Rows} rows beside {edits.Count} edits: {took.TotalSeconds:0.0} s; "
                + $"{edits.Count(e => e.Status == HttpStatusCode.Created)} stored, "
                + $"{edits.Count(e => e.Status == HttpStatusCode.ServiceUnavailable)} turned away"
        );
        Assert.NotEmpty(edits);
        foreach (var edit in edits)
        {
            Assert.True(
                edit.Status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
                $"{edit.Name}: {(int)edit.Status} {edit.Body}"
            );
            if (edit.Status != HttpStatusCode.ServiceUnavailable)
                continue;
            Assert.Equal("application/problem+json", edit.MediaType);
            Assert.True(int.TryParse(edit.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0);
            var title = JsonDocument.Parse(edit.Body).RootElement.GetProperty("title").GetString()!;
            Assert.Contains("请稍后重试", title);
        }

        // Every accepted write is stored, and nothing turned away is.
        var accepted = edits.Where(e => e.Status == HttpStatusCode.Created).Select(e => e.Name).Order().ToList();
        var stored = await app.Factory.WithDbAsync(db =>
            db.Residents.Where(r => r.Name.StartsWith(prefix)).Select(r => r.Name).ToListAsync()
        );
        Assert.Equal(accepted, stored.Order().ToList());
        Assert.NotEmpty(accepted);
        Assert.Equal(Rows, await app.Factory.WithDbAsync(db => db.Incidents.CountAsync(i => i.Number.StartsWith(prefix))));
        var chain = await app.Factory.WithDbAsync(db =>
            AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable())
        );
        Assert.True(chain.Intact, chain.Reason);
        var residentLines = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.EntityType == nameof(Resident) && a.Summary != null && a.Summary.StartsWith(prefix))
        );
        Assert.Equal(accepted.Count, residentLines);
    }

    [Fact]
    public async Task A_write_while_an_import_holds_the_database_is_turned_away_with_503_on_sqlite_and_waits_for_nothing_on_postgres()
    {
        var prefix = "P" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var officer = await app.As("officer1");
        var resident = new
        {
            name = prefix + "-在导入时登记",
            idNumber = TestWorld.IdFor(1939, 1),
            phone = "13912345678",
            address = "东峪村三组1号",
            orgUnitId = app.World.Grids[0].Id,
        };
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The import stopped inside its transaction after its first block, whose clusters (20 addresses) it has saved:
        // where a long import spends its time.
        var import = app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var userId = app.World.UserIds["leader1"];
            var service = new IncidentImportService(
                db,
                new ScopedImporter(userId, await DataScopeResolver.ResolveAsync(db, userId)),
                sp.GetRequiredService<PersonalDataProtector>(),
                sp.GetRequiredService<AddressNormalizer>(),
                sp.GetRequiredService<IBulkWriter>(),
                sp.GetRequiredService<IDatabaseErrors>(),
                sp.GetServices<IIncidentIntakeStep>(),
                Options.Create(new IncidentImportOptions { BlockRows = 50 })
            )
            {
                AfterFirstBlock = async _ =>
                {
                    paused.TrySetResult();
                    await go.Task;
                },
            };
            return await service.ImportAsync("paused.csv", new MemoryStream(File(prefix, 200, addresses: 20)));
        });
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(60));

        HttpResponseMessage during;
        try
        {
            during = await officer.PostAsJsonAsync("/api/v1/residents", resident).WaitAsync(TimeSpan.FromSeconds(20));
        }
        finally
        {
            go.TrySetResult();
        }
        if (app.Factory.Database.Kind == DbKind.Sqlite)
        {
            // SQLite has one writer: the edit waits its two seconds behind the import, then is told why and when to retry.
            var problem = await ApiAssert.ProblemAsync(during, HttpStatusCode.ServiceUnavailable);
            Assert.Equal("系统正在导入警情，请稍后重试", problem.GetProperty("title").GetString());
            Assert.Equal("10", Assert.Single(during.Headers.GetValues("Retry-After")));
        }
        else
        {
            // PostgreSQL: the import holds no lock another writer needs (its audit lines wait for its last save).
            Assert.Equal(HttpStatusCode.Created, during.StatusCode);
        }
        var batch = await import;
        Assert.Equal((IncidentImportStatus.Done, 200), (batch.Status, batch.Stored));

        // Sent again after the import, the refused write is stored once.
        using var again = await officer.PostAsJsonAsync("/api/v1/residents", resident);
        Assert.Equal(app.Factory.Database.Kind == DbKind.Sqlite ? HttpStatusCode.Created : HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Residents.CountAsync(r => r.Name == resident.name)));
        var chain = await app.Factory.WithDbAsync(db =>
            AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable())
        );
        Assert.True(chain.Intact, chain.Reason);
    }
}
