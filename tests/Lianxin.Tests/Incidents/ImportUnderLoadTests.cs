using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Audit;
using Lianxin.Core.Incidents.Import;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
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
    private static byte[] File(string prefix)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        for (var n = 1; n <= Rows; n++)
        {
            var day = 1 + n * 21 / Rows;
            text.AppendJoin(
                    ",",
                    $"{prefix}{n:000000}",
                    $"2026-10-{day:00} {n % 24:00}:{n % 60:00}:{n / 60 % 60:00}",
                    "dispute",
                    "dispute.neighbour",
                    "",
                    "王某某",
                    $"139{n % 5000 + 10_000_000:00000000}",
                    $"东港豪庭{n % 300}号楼2单元501",
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
        // On SQLite the import holds the file's write lock for its whole run, far past the two seconds an edit waits:
        // the edits sent meanwhile are turned away, told why.
        if (app.Factory.Database.Kind == DbKind.Sqlite)
            Assert.Contains(edits, e =>
                e.Status == HttpStatusCode.ServiceUnavailable && e.Body.Contains("导入警情", StringComparison.Ordinal)
            );
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
}
