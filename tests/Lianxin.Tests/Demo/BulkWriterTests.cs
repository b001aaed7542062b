using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Demo;
using Lianxin.Core.Organization;
using Lianxin.Data.Postgres;
using Lianxin.Data.Sqlite;
using Lianxin.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Lianxin.Tests.Demo;

public sealed class BulkWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 30, 0, TimeSpan.Zero);
    private readonly PersonalDataProtector _protector = DemoTestSupport.Protector();

    [Fact]
    public Task Sqlite_rows_read_back_through_ef_as_written() =>
        WithSqliteAsync(options => RoundTripAsync(options, new SqliteBulkWriter()));

    [Fact]
    public Task Sqlite_write_joins_the_callers_transaction() =>
        WithSqliteAsync(options => RollsBackWithCallerAsync(options, new SqliteBulkWriter()));

    [PostgresFact]
    public Task Postgres_rows_read_back_through_ef_as_written() =>
        WithPostgresAsync(options => RoundTripAsync(options, new PostgresBulkWriter()));

    [PostgresFact]
    public Task Postgres_write_joins_the_callers_transaction() =>
        WithPostgresAsync(options => RollsBackWithCallerAsync(options, new PostgresBulkWriter()));

    private async Task RoundTripAsync(DbContextOptions<LianxinDbContext> options, IBulkWriter writer)
    {
        var demo = DemoCounty.Build(_protector, residents: 3000, seed: 7);
        var disputes = DemoDisputes.Build(demo, 300, Now, seed: 7);
        var time = new FakeTimeProvider(Now);
        await using (var db = new LianxinDbContext(options, time))
        {
            await SaveUnitsAsync(db, demo);
            await writer.WriteAsync(db, demo.Residents);
            await writer.WriteAsync(db, demo.Members);
            await writer.WriteAsync(db, Array.Empty<Resident>());
            await writer.WriteWithOwnedAsync(db, disputes);
        }

        await using (var db = new LianxinDbContext(options, time))
        {
            var residents = (await db.Residents.AsNoTracking().ToListAsync()).ToDictionary(r => r.Id);
            Assert.Equal(demo.Residents.Count, residents.Count);
            foreach (var expected in demo.Residents)
            {
                var actual = residents[expected.Id];
                Assert.Equal(expected.Name, actual.Name);
                Assert.Equal(expected.Gender, actual.Gender);
                Assert.Equal(expected.BirthDate, actual.BirthDate);
                Assert.Equal(expected.Address, actual.Address);
                Assert.Equal(expected.AddressKey, actual.AddressKey);
                Assert.Equal(expected.OrgUnitId, actual.OrgUnitId);
                Assert.Equal(expected.Tags, actual.Tags);
                Assert.Equal((expected.IdNumberHash, expected.IdNumberMasked), (actual.IdNumberHash, actual.IdNumberMasked));
                Assert.Equal(_protector.Reveal(expected.IdNumber), _protector.Reveal(actual.IdNumber));
                Assert.Equal(_protector.Reveal(expected.Phone), _protector.Reveal(actual.Phone));
                Assert.Equal(expected.PhoneMasked, actual.PhoneMasked);
                Assert.Equal(Now, actual.CreatedAt);
                Assert.Equal(Now, actual.UpdatedAt);
                Assert.Equal(1, actual.Version);
            }

            // Disputes with their owned rows: parties, every timeline event and follow-up, as EF reads them back.
            var stored = (await db.Disputes.AsNoTracking().ToListAsync()).ToDictionary(d => d.Id);
            Assert.Equal(disputes.Count, stored.Count);
            foreach (var expected in disputes)
            {
                var actual = stored[expected.Id];
                Assert.Equal(
                    (
                        expected.Number,
                        expected.Status,
                        expected.Level,
                        expected.RegisteredAt,
                        expected.EndedAt,
                        expected.OrgUnitId,
                        expected.Risk
                    ),
                    (actual.Number, actual.Status, actual.Level, actual.RegisteredAt, actual.EndedAt, actual.OrgUnitId, actual.Risk)
                );
                Assert.Equal(
                    expected.Events.Select(e => (e.Id, e.Kind, e.At, e.FromStatus, e.ToStatus, e.ToLevel, e.Reason)),
                    actual
                        .Events.OrderBy(e => e.At)
                        .ThenBy(e => e.Id)
                        .Select(e => (e.Id, e.Kind, e.At, e.FromStatus, e.ToStatus, e.ToLevel, e.Reason))
                        .OrderBy(e => e.At)
                        .ThenBy(e => expected.Events.ToList().FindIndex(x => x.Id == e.Id))
                );
                Assert.Equal(
                    expected.Parties.Select(p => (p.Id, p.Name)).OrderBy(p => p.Id),
                    actual.Parties.Select(p => (p.Id, p.Name)).OrderBy(p => p.Id)
                );
                Assert.Equal(
                    expected.FollowUps.Select(f => (f.Id, f.DueAt, f.DoneAt, f.Result, f.CancelledAt)).OrderBy(f => f.Id),
                    actual.FollowUps.Select(f => (f.Id, f.DueAt, f.DoneAt, f.Result, f.CancelledAt)).OrderBy(f => f.Id)
                );
            }

            var members = (await db.Members.AsNoTracking().ToListAsync()).ToDictionary(m => m.Id);
            Assert.Equal(demo.Members.Count, members.Count);
            foreach (var expected in demo.Members)
            {
                var actual = members[expected.Id];
                Assert.Equal(
                    (
                        expected.Name,
                        expected.Kind,
                        expected.Gender,
                        expected.OrgUnitId,
                        expected.Organization,
                        expected.Note,
                        expected.IsActive
                    ),
                    (actual.Name, actual.Kind, actual.Gender, actual.OrgUnitId, actual.Organization, actual.Note, actual.IsActive)
                );
                Assert.Equal(expected.Skills, actual.Skills);
                Assert.Equal(expected.ServedUnitIds, actual.ServedUnitIds);
                Assert.Equal(_protector.Reveal(expected.Phone), _protector.Reveal(actual.Phone));
                Assert.Equal(Now, actual.CreatedAt);
            }

            // Queries over converted columns see the bulk rows as they see rows saved by EF.
            Assert.Equal(
                demo.Residents.Count(r => r.Tags.Contains("流动人口")),
                await db.Residents.CountAsync(r => r.Tags.Contains("流动人口"))
            );
            var cutoff = new DateOnly(1960, 1, 1);
            Assert.Equal(demo.Residents.Count(r => r.BirthDate < cutoff), await db.Residents.CountAsync(r => r.BirthDate < cutoff));
            Assert.Equal(
                demo.Members.Count(m => m.Kind == MemberKind.Volunteer),
                await db.Members.CountAsync(m => m.Kind == MemberKind.Volunteer)
            );
            Assert.Equal(
                demo.Members.Count(m => m.Skills.Contains("mediation")),
                await db.Members.CountAsync(m => m.Skills.Contains("mediation"))
            );
            var village = demo.Stations[0].Village.Id;
            Assert.Equal(
                demo.Members.Count(m => m.ServedUnitIds.Contains(village)),
                await db.Members.CountAsync(m => m.ServedUnitIds.Contains(village))
            );
            Assert.Equal(demo.Residents.Count(r => r.CreatedAt <= Now), await db.Residents.CountAsync(r => r.CreatedAt <= Now));
            // The data-scope filter joins residents to their unit's path: the bulk-written keys must match EF's.
            var station = demo.Stations[1].Station;
            var inStation = demo.Units.Where(u => u.Path.StartsWith(station.Path, StringComparison.Ordinal)).Select(u => u.Id).ToHashSet();
            Assert.Equal(
                demo.Residents.Count(r => inStation.Contains(r.OrgUnitId)),
                await db.Residents.CountAsync(r => r.OrgUnit!.Path.StartsWith(station.Path))
            );
            var someone = demo.Residents[^1];
            Assert.Equal(someone.Id, await db.Residents.Where(r => r.IdNumberHash == someone.IdNumberHash).Select(r => r.Id).SingleAsync());
            Assert.Empty(await db.AuditEntries.ToListAsync());
        }
    }

    private async Task RollsBackWithCallerAsync(DbContextOptions<LianxinDbContext> options, IBulkWriter writer)
    {
        var demo = DemoCounty.Build(_protector, residents: 200, seed: 11);
        await using (var db = new LianxinDbContext(options, new FakeTimeProvider(Now)))
        {
            await SaveUnitsAsync(db, demo);
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                await writer.WriteAsync(db, demo.Residents);
                Assert.Equal(demo.Residents.Count, await db.Residents.CountAsync());
                await tx.RollbackAsync();
            }
            Assert.Equal(0, await db.Residents.CountAsync());

            // A failing write leaves nothing behind: the duplicate ID number breaks the unique index.
            var twice = demo.Residents.Take(50).Append(demo.Residents[0]).ToList();
            await Assert.ThrowsAnyAsync<Exception>(() => writer.WriteAsync(db, twice));
            Assert.Equal(0, await db.Residents.CountAsync());
        }
    }

    private static async Task SaveUnitsAsync(LianxinDbContext db, DemoCountyData demo)
    {
        await db.Database.EnsureCreatedAsync();
        db.SuppressEntityAudit = true;
        db.OrgUnits.AddRange(demo.Units);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
    }

    private static async Task WithSqliteAsync(Func<DbContextOptions<LianxinDbContext>, Task> test)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lianxin-bulk-{Guid.NewGuid():N}.db");
        try
        {
            await test(new DbContextOptionsBuilder<LianxinDbContext>().UseSqlite($"Data Source={path}").Options);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static async Task WithPostgresAsync(Func<DbContextOptions<LianxinDbContext>, Task> test)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));
        var name = $"lianxin_bulk_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres" }.ConnectionString;
        await Execute(admin, $"CREATE DATABASE \"{name}\"");
        try
        {
            var database = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
            await test(new DbContextOptionsBuilder<LianxinDbContext>().UseNpgsql(database).Options);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
