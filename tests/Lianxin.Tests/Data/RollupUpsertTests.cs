using Lianxin.Core.Data;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Data;

public sealed class RollupUpsertSqliteTests(SqliteApp app) : RollupUpsertTests(app), IClassFixture<SqliteApp>;

public sealed class RollupUpsertPostgresTests(PostgresApp app) : RollupUpsertTests(app), IClassFixture<PostgresApp>;

/// <summary>Roll-up rows are added in place whatever the number of changes: more than one statement carries, the same
/// key twice in one list, and rows stored before.</summary>
public abstract class RollupUpsertTests(AppFixture app)
{
    [Fact]
    public async Task Many_changes_with_repeated_keys_add_up_to_the_direct_sum()
    {
        var unit = app.World.Villages[1].Id;
        // Days no other test counts on.
        var start = new DateOnly(2091, 1, 1).AddDays(Random.Shared.Next(0, 3000));
        var random = new Random(5);
        var changes = Enumerable
            .Range(0, 1500)
            .Select(i => new DisputeTally
            {
                OrgUnitId = unit,
                // 700 distinct days: every day comes back about twice, sometimes next to itself.
                Day = start.AddDays(i < 1400 ? i % 700 : random.Next(700)),
                Accepted = random.Next(1, 5),
                Resolved = random.Next(0, 3),
                MillisecondsToResolve = random.Next(0, 100_000),
            })
            .ToList();
        var expected = changes
            .GroupBy(c => c.Day)
            .ToDictionary(g => g.Key, g => (g.Sum(c => c.Accepted), g.Sum(c => c.Resolved), g.Sum(c => c.MillisecondsToResolve)));

        // Applied in two transactions: the second adds to rows the first stored.
        foreach (var half in new[] { changes.Take(800).ToList(), changes.Skip(800).ToList() })
            await app.Factory.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<LianxinDbContext>();
                await using var tx = await db.Database.BeginTransactionAsync();
                await RollupUpsert.AddAsync(
                    db,
                    half.OrderBy(c => c.Day).ToList(),
                    DisputeTallyRollup.KeyProperties,
                    CancellationToken.None
                );
                await tx.CommitAsync();
                return 0;
            });

        var end = start.AddDays(700);
        var stored = await app.Factory.WithDbAsync(db =>
            db.DisputeTallies.AsNoTracking().Where(t => t.OrgUnitId == unit && t.Day >= start && t.Day < end).ToListAsync()
        );
        Assert.Equal(expected.Count, stored.Count);
        foreach (var row in stored)
            Assert.Equal(expected[row.Day], (row.Accepted, row.Resolved, row.MillisecondsToResolve));
    }
}
