using System.Net;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Statistics;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentStatisticsSqliteTests(SqliteApp app) : IncidentStatisticsTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentStatisticsPostgresTests(PostgresApp app) : IncidentStatisticsTests(app), IClassFixture<PostgresApp>;

/// <summary>The statistics against a direct count: random incidents over units, days, hours and categories,
/// stored by tracked saves and by a bulk write followed by the intake step, then edited (moved, reclassified,
/// received time corrected, validity and preventable changed, deleted); every statistic of several units and
/// periods must equal a GROUP BY over the incidents themselves, and the kept tallies must equal a rebuild.</summary>
public abstract class IncidentStatisticsTests(AppFixture app)
{
    private static readonly TimeSpan China = ChinaTime.Offset;
    private static readonly string[] Categories = ["criminal", "public-order", "dispute", "traffic", "fraud", "help", "legacy-code"];

    private OrgUnit[] Units =>
        [
            app.World.Stations[0],
            app.World.Districts[0],
            app.World.Villages[0],
            app.World.Grids[0],
            app.World.Stations[1],
            app.World.Villages[1],
            app.World.Grids[1],
        ];

    private static Incident Make(Random rng, OrgUnit unit, string tag, int i, DateTimeOffset? receivedAt = null)
    {
        var at = new DateTimeOffset(2024, 1, 1, 0, 0, 0, China)
            .AddDays(rng.Next(0, 560))
            .AddMinutes(rng.Next(0, 24 * 60))
            .ToUniversalTime();
        at = receivedAt ?? at;
        var incident = Incident.Receive(
            new IncidentReport
            {
                Number = $"T{tag}{i:D5}-{rng.Next(100000, 999999)}",
                ReceivedAt = at,
                CategoryCode = Categories[rng.Next(Categories.Length)],
                HandlingUnitId = unit.Id,
                Summary = "测试警情",
                Preventable = rng.Next(4) == 0,
                Validity = (IncidentValidity)rng.Next(1, 4),
                Source = IncidentSource.Api,
            }
        );
        incident.Place(unit.Id, PlacementMethod.Hand);
        return incident;
    }

    [Fact]
    public async Task Statistics_from_the_tallies_equal_a_direct_count_and_the_kept_tallies_equal_a_rebuild()
    {
        var rng = new Random(20261126);
        var units = Units;
        await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var steps = sp.GetServices<IIncidentIntakeStep>().OrderBy(s => s.Order).ToList();
            // Tracked saves, several to a save: the save counts them; the intake step run afterwards on the same
            // context must not count them again.
            for (var batch = 0; batch < 4; batch++)
            {
                var added = Enumerable.Range(0, 60).Select(i => Make(rng, units[rng.Next(units.Length)], $"S{batch}", i)).ToList();
                db.Incidents.AddRange(added);
                await using var tx = await db.Database.BeginTransactionAsync();
                await db.SaveChangesAsync();
                foreach (var step in steps.OfType<IncidentTallyIntakeStep>())
                    await step.OnAddedAsync(db, added, default);
                await tx.CommitAsync();
            }
            // A bulk path that bypasses the save: only the intake step counts these.
            var bulk = Enumerable.Range(0, 150).Select(i => Make(rng, units[rng.Next(units.Length)], "B", i)).ToList();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await sp.GetRequiredService<IBulkWriter>().WriteAsync(db, bulk);
                foreach (var step in steps.OfType<IncidentTallyIntakeStep>())
                    await step.OnAddedAsync(db, bulk, default);
                await tx.CommitAsync();
            }
            return true;
        });

        // Edits that move what is counted, in several saves.
        for (var round = 0; round < 3; round++)
        {
            await app.Factory.WithDbAsync(async db =>
            {
                var all = await db.Incidents.OrderBy(i => i.Number).ToListAsync();
                foreach (var i in all.Where(_ => rng.Next(6) == 0))
                {
                    switch (rng.Next(6))
                    {
                        case 0:
                            i.Place(units[rng.Next(units.Length)].Id, PlacementMethod.Hand);
                            break;
                        case 1:
                            i.Reassess(
                                Categories[rng.Next(Categories.Length)],
                                i.TypeCode,
                                i.SubtypeCode,
                                i.Disposition,
                                i.HandlingOfficer,
                                null,
                                null,
                                i.RepeatOfId,
                                i.DisputeId
                            );
                            break;
                        // The received time is kept as received by the domain; the tallies must still follow a stored change.
                        case 2:
                            db.Entry(i).Property(x => x.ReceivedAt).CurrentValue = i.ReceivedAt.AddHours(rng.Next(-200, 200));
                            break;
                        case 3:
                            i.Judge((IncidentValidity)rng.Next(1, 4));
                            break;
                        case 4:
                            i.Reassess(
                                i.CategoryCode,
                                i.TypeCode,
                                i.SubtypeCode,
                                i.Disposition,
                                i.HandlingOfficer,
                                !i.Preventable,
                                null,
                                i.RepeatOfId,
                                i.DisputeId
                            );
                            break;
                        case 5:
                            db.Incidents.Remove(i);
                            break;
                    }
                }
                // A change that touches nothing counted leaves the tallies alone.
                foreach (var i in all.Where(_ => rng.Next(10) == 0))
                    db.Entry(i).Property(x => x.Summary).CurrentValue = i.Summary + "（补充）";
                await db.SaveChangesAsync();
                return true;
            });
        }

        var incidents = await app.Factory.WithDbAsync(db =>
            db.Incidents.AsNoTracking()
                .Select(i => new Row(i.OrgUnitId, i.ReceivedAt, i.CategoryCode, i.Validity, i.Preventable))
                .ToListAsync()
        );
        var paths = await app.Factory.WithDbAsync(db => db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Path));
        ChinaPeriod[] periods =
        [
            new(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)),
            new(new DateOnly(2024, 3, 15), new DateOnly(2025, 2, 10)),
            new(new DateOnly(2024, 5, 3), new DateOnly(2024, 5, 20)),
            new(new DateOnly(2024, 7, 9), new DateOnly(2024, 7, 9)),
            new(new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)),
            new(new DateOnly(2024, 2, 29), new DateOnly(2025, 3, 1)),
        ];
        var bureau = await app.As("bureau");
        var leader1 = await app.As("leader1");
        foreach (var p in periods)
        {
            await CompareAsync(bureau, null, app.World.Bureau, p);
            await CompareAsync(bureau, app.World.Stations[0], app.World.Stations[0], p);
            await CompareAsync(bureau, app.World.Villages[1], app.World.Villages[1], p);
            await CompareAsync(leader1, null, app.World.Stations[0], p);
            await CompareAsync(leader1, app.World.Districts[0], app.World.Districts[0], p);
        }

        // The kept tallies equal a rebuild from the incidents.
        var kept = await TalliesAsync();
        await app.Factory.WithScopeAsync(async sp =>
        {
            await IncidentTallyRollup.RebuildAsync(sp.GetRequiredService<LianxinDbContext>(), sp.GetRequiredService<IBulkWriter>());
            return true;
        });
        var rebuilt = await TalliesAsync();
        Assert.Equal(rebuilt.Count, kept.Count);
        Assert.Equal(rebuilt, kept);

        async Task CompareAsync(HttpClient client, OrgUnit? picked, OrgUnit root, ChinaPeriod p)
        {
            var url =
                $"/api/v1/incidents/statistics?from={p.From:yyyy-MM-dd}&to={p.To:yyyy-MM-dd}"
                + (picked is null ? "" : $"&orgUnitId={picked.Id}");
            var s = await ApiAssert.OkAsync<IncidentStatistics>(await client.GetAsync(url));
            var label = $"{root.Name} {p.From}..{p.To}";
            var under = incidents.Where(i => paths[i.OrgUnitId].StartsWith(root.Path, StringComparison.Ordinal)).ToList();
            List<Row> In(ChinaPeriod q) => under.Where(i => i.ReceivedAt >= q.Start && i.ReceivedAt < q.End).ToList();
            var rows = In(p);
            Assert.True(Counts(rows) == s.Counts, $"{label}: {Counts(rows)} vs {s.Counts}");
            Assert.Equal(Counts(In(p.YearEarlier())), s.YearOnYear.Counts);
            var days = p.To.DayNumber - p.From.DayNumber + 1;
            Assert.Equal(Counts(In(new ChinaPeriod(p.From.AddDays(-days), p.From.AddDays(-1)))), s.MonthOnMonth.Counts);
            var byCategory = rows.GroupBy(r => r.Category)
                .ToDictionary(
                    g => g.Key,
                    g => (g.Count(), g.Count(r => r.Validity == IncidentValidity.Valid), g.Count(r => r.Preventable))
                );
            Assert.Equal(byCategory.Count, s.ByCategory.Count);
            foreach (var c in s.ByCategory)
                Assert.Equal(byCategory[c.Code], (c.Total, c.Valid, c.Preventable));
            Assert.All(s.ByCategory.Where(c => c.Code == "legacy-code"), c => Assert.Equal("legacy-code", c.Name));
            Assert.All(s.ByCategory.Where(c => c.Code == "criminal"), c => Assert.Equal("刑事警情", c.Name));
            var byHour = new int[24];
            foreach (var r in rows)
                byHour[r.ReceivedAt.ToOffset(China).Hour]++;
            Assert.Equal(byHour, s.ByHour);
            var byDay = new int[7];
            foreach (var r in rows)
                byDay[((int)r.ReceivedAt.ToOffset(China).DayOfWeek + 6) % 7]++;
            Assert.Equal(byDay, s.ByWeekday);
            // By unit: each child with its subtree, and the unit's own incidents.
            Assert.Equal(rows.Count, s.ByUnit.Sum(u => u.Total));
            foreach (var u in s.ByUnit)
            {
                var mine = u.Own
                    ? rows.Where(r => r.OrgUnitId == u.OrgUnitId).ToList()
                    : rows.Where(r => paths[r.OrgUnitId].StartsWith(paths[u.OrgUnitId], StringComparison.Ordinal)).ToList();
                Assert.Equal(
                    (mine.Count, mine.Count(r => r.Validity == IncidentValidity.Valid), mine.Count(r => r.Preventable)),
                    (u.Total, u.Valid, u.Preventable)
                );
                Assert.Equal(s.ByCategory.Select(c => mine.Count(r => r.Category == c.Code)), u.ByCategory);
            }
        }
    }

    private static IncidentCounts Counts(List<Row> rows) =>
        new(
            rows.Count,
            rows.Count(r => r.Validity == IncidentValidity.Valid),
            rows.Count(r => r.Validity == IncidentValidity.Repeat),
            rows.Count(r => r.Validity == IncidentValidity.Invalid),
            rows.Count(r => r.Preventable)
        );

    private Task<List<string>> TalliesAsync() =>
        app.Factory.WithDbAsync(async db =>
            (await db.IncidentTallies.AsNoTracking().ToListAsync())
                .Where(t => !IncidentTallyRollup.IsZero(t))
                .Select(t => System.Text.Json.JsonSerializer.Serialize(t))
                .Order(StringComparer.Ordinal)
                .ToList()
        );

    private sealed record Row(Guid OrgUnitId, DateTimeOffset ReceivedAt, string Category, IncidentValidity Validity, bool Preventable);

    [Fact]
    public async Task Statistics_keep_to_the_callers_scope_and_refuse_bad_input()
    {
        var leader1 = await app.As("leader1");
        await ApiAssert.ProblemAsync(
            await leader1.GetAsync($"/api/v1/incidents/statistics?orgUnitId={app.World.Villages[1].Id}"),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader1.GetAsync($"/api/v1/incidents/statistics?orgUnitId={Guid.NewGuid()}"),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader1.GetAsync("/api/v1/incidents/statistics?from=2025-03-01&to=2025-01-01"),
            (HttpStatusCode)422
        );
        await ApiAssert.ProblemAsync(
            await leader1.GetAsync("/api/v1/incidents/statistics?from=2001-01-01&to=2025-01-01"),
            (HttpStatusCode)422
        );
        var malformed = await leader1.GetAsync("/api/v1/incidents/statistics?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var hostile = await leader1.GetAsync("/api/v1/incidents/statistics?orgUnitId=1%27%20OR%201%3D1");
        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        // No right to read incidents, no statistics.
        await ApiAssert.ProblemAsync(await (await app.As("mediator1")).GetAsync("/api/v1/incidents/statistics"), HttpStatusCode.Forbidden);

        // Station 2's incident never shows in station 1's statistics.
        var day = new DateOnly(2023, 6, 1);
        await app.Factory.WithDbAsync(async db =>
        {
            var i = Make(
                new Random(1),
                app.World.Grids[1],
                "X",
                1,
                new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), China).ToUniversalTime()
            );
            db.Incidents.Add(i);
            await db.SaveChangesAsync();
            return true;
        });
        var mine = await ApiAssert.OkAsync<IncidentStatistics>(
            await leader1.GetAsync("/api/v1/incidents/statistics?from=2023-06-01&to=2023-06-01")
        );
        Assert.Equal(0, mine.Counts.Total);
        Assert.Equal("全部管辖范围", mine.UnitName);
        Assert.NotEmpty(mine.Definitions);
        var all = await ApiAssert.OkAsync<IncidentStatistics>(
            await (await app.As("bureau")).GetAsync("/api/v1/incidents/statistics?from=2023-06-01&to=2023-06-01")
        );
        Assert.Equal(1, all.Counts.Total);
        Assert.Equal(1, all.ByHour[10]);
        Assert.Equal(1, all.ByWeekday[3]); // 2023-06-01 was a Thursday
    }

    [Fact]
    public async Task Export_is_an_audited_workbook_for_those_allowed_to_export()
    {
        var leader1 = await app.As("leader1");
        var response = await leader1.GetAsync(
            $"/api/v1/incidents/statistics/export?from=2024-01-01&to=2024-12-31&orgUnitId={app.World.Stations[0].Id}"
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 1000 && bytes[0] == (byte)'P' && bytes[1] == (byte)'K');
        var sheets = MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes));
        Assert.Contains("按类别", sheets);
        Assert.Contains("统计口径", sheets);
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Export && a.EntityType == nameof(Incident))
                .OrderByDescending(a => a.Seq)
                .FirstOrDefaultAsync()
        );
        Assert.NotNull(line);
        Assert.Equal(app.World.UserIds["leader1"], line.UserId);
        Assert.Contains("导出警情统计", line.Summary);

        // An auxiliary may read the statistics but not export them; another station's unit is refused.
        await ApiAssert.ProblemAsync(
            await (await app.As("auxiliary1")).GetAsync("/api/v1/incidents/statistics/export"),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader1.GetAsync($"/api/v1/incidents/statistics/export?orgUnitId={app.World.Stations[1].Id}"),
            HttpStatusCode.Forbidden
        );
    }
}
