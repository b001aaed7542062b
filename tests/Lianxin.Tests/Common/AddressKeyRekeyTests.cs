using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Organization;
using Lianxin.Core.Upkeep;
using Lianxin.Tests.Disputes;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Common;

public sealed class AddressKeyRekeySqliteTests(SqliteApp app) : AddressKeyRekeyTests(app), IClassFixture<SqliteApp>;

public sealed class AddressKeyRekeyPostgresTests(PostgresApp app) : AddressKeyRekeyTests(app), IClassFixture<PostgresApp>;

/// <summary>Keys stored under the normaliser's first rules (小区 kept before a building number, a bare flat
/// number after 单元 left without 室) are recomputed at start-up in every table that stores them.</summary>
public abstract class AddressKeyRekeyTests(AppFixture app)
{
    private const string Flat = "东港豪庭小区3栋2单元501";
    private const string OldFlatKey = "东港豪庭小区3栋2单元501"; // what the first rules made of it

    [Fact]
    public async Task Old_keys_are_recomputed_once_and_an_old_resident_then_places_a_new_incident()
    {
        var normalizer = app.Factory.Services.GetRequiredService<AddressNormalizer>();
        var newKey = normalizer.Normalize(Flat);
        Assert.Equal("东港豪庭3栋2单元501室", newKey);

        // The start of the app already recorded the version it made the (so far no) keys with.
        Assert.Equal(normalizer.KeyVersion, await StoredVersionAsync());

        var tag = Guid.NewGuid().ToString("N")[..6];
        var ids = await app.Factory.WithDbAsync(async db =>
        {
            db.SuppressEntityAudit = true;
            var resident = new Resident
            {
                Name = "王五",
                OrgUnitId = app.World.Grids[0].Id,
                Address = Flat,
            };
            var unchanged = new Resident
            {
                Name = "赵六",
                OrgUnitId = app.World.Villages[0].Id,
                Address = "东峪村三组9号",
            };
            unchanged.AddressKey = normalizer.Normalize(unchanged.Address);
            var incident = NewIncident($"R{tag}1", Flat);
            var dispute = Dispute.Register(
                DisputeTestData.Form() with
                {
                    Number = $"JF-RK-{tag}",
                    OrgUnitId = app.World.Villages[0].Id,
                    Address = Flat,
                },
                "seed",
                DateTimeOffset.UtcNow
            );
            var plan = new LookBackPlan
            {
                OrgUnitId = app.World.Villages[0].Id,
                Address = Flat,
                Category = LookBackCategory.Gambling,
                DealtOn = new DateOnly(2026, 11, 1),
                Weeks = 4,
            };
            var directive = new CommandDirective
            {
                OrgUnitId = app.World.Stations[0].Id,
                Number = $"ZL-{tag}",
                IssuedOn = new DateOnly(2026, 11, 20),
                Address = Flat,
                Content = "核查东港豪庭噪音扰民",
            };
            // Two clusters of one building under its two old writings: re-keyed, they share a key and both stay.
            var other = NewIncident($"R{tag}2", "东港豪庭3栋2单元501室");
            var oldCluster = Cluster(OldFlatKey, incident);
            oldCluster.AddKey(RepeatClusterKind.Address, OldFlatKey, incident.Address!, incident.Id);
            var newCluster = Cluster(newKey, other);
            db.AddRange(resident, unchanged, incident, other, dispute, plan, directive, oldCluster, newCluster);
            await db.SaveChangesAsync();
            // The keys as the first rules wrote them.
            await db.Residents.Where(r => r.Id == resident.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AddressKey, OldFlatKey));
            await db.Incidents.Where(i => i.Id == incident.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AddressKey, OldFlatKey));
            await db.Incidents.Where(i => i.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.AddressKey, newKey));
            await db.Disputes.Where(d => d.Id == dispute.Id).ExecuteUpdateAsync(s => s.SetProperty(d => d.AddressKey, OldFlatKey));
            await db.LookBackPlans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.AddressKey, OldFlatKey));
            await db
                .CommandDirectives.Where(d => d.Id == directive.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.AddressKey, OldFlatKey));
            await db.RollupStates.Where(s => s.Name == AddressKeyRekey.StateName).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 1));
            return new
            {
                Resident = resident.Id,
                Unchanged = unchanged.Id,
                Incident = incident.Id,
                Dispute = dispute.Id,
                Plan = plan.Id,
                Directive = directive.Id,
                OldCluster = oldCluster.Id,
                NewCluster = newCluster.Id,
            };
        });

        // Under old keys a new incident at the flat finds nobody registered there.
        Assert.Equal(((Guid?)null, (PlacementMethod?)null), await PlaceAsync(Flat));

        // The app starts again on this database.
        await StartAsync();
        await app.Factory.WithDbAsync(async db =>
        {
            Assert.Equal(newKey, await db.Residents.Where(r => r.Id == ids.Resident).Select(r => r.AddressKey).SingleAsync());
            Assert.Equal(newKey, await db.Incidents.Where(r => r.Id == ids.Incident).Select(r => r.AddressKey).SingleAsync());
            Assert.Equal(newKey, await db.Disputes.Where(r => r.Id == ids.Dispute).Select(r => r.AddressKey).SingleAsync());
            Assert.Equal(newKey, await db.LookBackPlans.Where(r => r.Id == ids.Plan).Select(r => r.AddressKey).SingleAsync());
            Assert.Equal(newKey, await db.CommandDirectives.Where(r => r.Id == ids.Directive).Select(r => r.AddressKey).SingleAsync());
            // Both clusters now carry the new key and neither was removed.
            var clusters = await db
                .RepeatClusters.Where(c => c.Id == ids.OldCluster || c.Id == ids.NewCluster)
                .Select(c => c.Key)
                .ToListAsync();
            Assert.Equal([newKey, newKey], clusters);
            // The group's address key and the key its member joined by follow, so a new call at the flat finds the group.
            Assert.Equal([newKey], await db.RepeatClusterKeys.Where(k => k.ClusterId == ids.OldCluster).Select(k => k.Key).ToListAsync());
            Assert.Equal(
                [newKey],
                await db.RepeatClusterMembers.Where(m => m.ClusterId == ids.OldCluster).Select(m => m.JoinedKey).ToListAsync()
            );
            Assert.Equal(
                normalizer.Normalize("东峪村三组9号"),
                await db.Residents.Where(r => r.Id == ids.Unchanged).Select(r => r.AddressKey).SingleAsync()
            );
            return true;
        });
        Assert.Equal(normalizer.KeyVersion, await StoredVersionAsync());

        // Now the old resident places the new incident, written either way.
        Assert.Equal(((Guid?)app.World.Grids[0].Id, (PlacementMethod?)PlacementMethod.Address), await PlaceAsync(Flat));
        Assert.Equal(((Guid?)app.World.Grids[0].Id, (PlacementMethod?)PlacementMethod.Address), await PlaceAsync("东港豪庭3栋2单元501室"));

        // A second start finds the version current and does nothing.
        var recorded = await StateAsync();
        Assert.True(recorded.Rows >= 6); // the resident, incident, dispute, look-back, directive and old cluster at least
        await StartAsync();
        Assert.Equal(recorded.BuiltAt, (await StateAsync()).BuiltAt);
        Assert.False((await EnsureCurrentAsync()).Ran);

        // Made to run again with one more old cluster of the flat, it writes that cluster alone, keeps all three
        // clusters of the flat and reports their shared key.
        var third = await app.Factory.WithDbAsync(async db =>
        {
            var incident = await db.Incidents.SingleAsync(i => i.Id == ids.Incident);
            var cluster = Cluster(OldFlatKey, incident);
            db.RepeatClusters.Add(cluster);
            await db.SaveChangesAsync();
            await db.RollupStates.Where(s => s.Name == AddressKeyRekey.StateName).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 1));
            return cluster.Id;
        });
        var rerun = await EnsureCurrentAsync();
        Assert.True(rerun.Ran);
        Assert.Equal(1, rerun.Total);
        Assert.Equal(1, rerun.Changed["address-clusters"]);
        Assert.Equal(1, rerun.SharedClusterKeys);
        Assert.Equal(
            3,
            await app.Factory.WithDbAsync(db =>
                db.RepeatClusters.CountAsync(c => (c.Id == ids.OldCluster || c.Id == ids.NewCluster || c.Id == third) && c.Key == newKey)
            )
        );
    }

    [Fact]
    public async Task A_run_interrupted_between_chunks_leaves_the_version_old_and_the_next_start_finishes()
    {
        var normalizer = app.Factory.Services.GetRequiredService<AddressNormalizer>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var incidents = Enumerable.Range(0, 7).Select(n => NewIncident($"I{tag}{n}", $"东港豪庭小区{n + 1}栋1单元20{n}")).ToList();
        await app.Factory.WithDbAsync(async db =>
        {
            db.SuppressEntityAudit = true;
            db.Incidents.AddRange(incidents);
            await db.SaveChangesAsync();
            foreach (var i in incidents)
            {
                var old = i.Address; // the first rules kept this text as it is
                await db.Incidents.Where(x => x.Id == i.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, old));
            }
            await db.RollupStates.Where(s => s.Name == AddressKeyRekey.StateName).ExecuteDeleteAsync();
            return true;
        });

        var chunks = 0;
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            app.Factory.WithScopeAsync(sp =>
                AddressKeyRekey.EnsureCurrentAsync(sp.GetRequiredService<LianxinDbContext>(), normalizer, chunk: 2, afterChunk: () =>
                    ++chunks == 2 ? throw new OperationCanceledException() : Task.CompletedTask
                )
            )
        );
        Assert.Null(await StoredVersionAsync());

        var result = await EnsureCurrentAsync();
        Assert.True(result.Ran);
        Assert.Equal(normalizer.KeyVersion, await StoredVersionAsync());
        var keys = await app.Factory.WithDbAsync(db =>
            db.Incidents.Where(i => i.Number.StartsWith($"I{tag}")).OrderBy(i => i.Number).Select(i => i.AddressKey).ToListAsync()
        );
        Assert.Equal(incidents.OrderBy(i => i.Number).Select(i => normalizer.Normalize(i.Address)), keys);
        Assert.All(keys, k => Assert.DoesNotContain("小区", k));
    }

    [Fact]
    public async Task Nodes_starting_together_take_turns_and_the_keys_end_up_right()
    {
        var normalizer = app.Factory.Services.GetRequiredService<AddressNormalizer>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        var incidents = Enumerable.Range(0, 30).Select(n => NewIncident($"N{tag}{n:D2}", $"东港豪庭小区{n + 1}栋2单元{n + 1}01")).ToList();
        await app.Factory.WithDbAsync(async db =>
        {
            db.SuppressEntityAudit = true;
            db.Incidents.AddRange(incidents);
            await db.SaveChangesAsync();
            foreach (var i in incidents)
                await db.Incidents.Where(x => x.Id == i.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, i.Address));
            await db.RollupStates.Where(s => s.Name == AddressKeyRekey.StateName).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 1));
            return true;
        });

        var runs = await Task.WhenAll(
            Enumerable
                .Range(0, 3)
                .Select(_ =>
                    Task.Run(() =>
                        app.Factory.WithScopeAsync(sp =>
                            AddressKeyRekey.EnsureCurrentAsync(sp.GetRequiredService<LianxinDbContext>(), normalizer, chunk: 7)
                        )
                    )
                )
        );
        // On PostgreSQL the lock lets one node do the work and the others find it done; SQLite's single writer
        // may let several read and find nothing left to write, never a row written twice or wrong.
        if (await app.Factory.WithDbAsync(db => Task.FromResult(db.IsPostgres)))
            Assert.Single(runs, r => r.Ran);
        Assert.Equal(incidents.Count, runs.Sum(r => r.Ran ? r.Changed["incidents"] : 0));
        Assert.Equal(normalizer.KeyVersion, await StoredVersionAsync());
        var keys = await app.Factory.WithDbAsync(db =>
            db.Incidents.Where(i => i.Number.StartsWith($"N{tag}")).OrderBy(i => i.Number).Select(i => i.AddressKey).ToListAsync()
        );
        Assert.Equal(incidents.Select(i => normalizer.Normalize(i.Address)), keys);
    }

    [Fact]
    public async Task More_rows_than_a_chunk_are_written_a_chunk_at_a_time_with_the_same_counts()
    {
        var normalizer = app.Factory.Services.GetRequiredService<AddressNormalizer>();
        var tag = Guid.NewGuid().ToString("N")[..6];
        // Past one default chunk: 2,000 rows read and written together, then the rest. Every fifth row already has its
        // right key, every seventh was stored with no key at all (the first rules found none), the others the old text.
        const int count = AddressKeyRekey.DefaultChunk + 350;
        var incidents = Enumerable
            .Range(0, count)
            .Select(n => NewIncident($"C{tag}{n:D4}", $"东港豪庭小区{n % 40 + 1}栋{n % 3 + 1}单元{n % 90 + 101}"))
            .ToList();
        var current = incidents.Where((_, n) => n % 5 == 0).Select(i => i.Id).ToHashSet();
        var keyless = incidents.Where((_, n) => n % 5 != 0 && n % 7 == 0).Select(i => i.Id).ToList();
        await app.Factory.WithDbAsync(async db =>
        {
            db.SuppressEntityAudit = true;
            db.Incidents.AddRange(incidents);
            await db.SaveChangesAsync();
            var old = incidents.Where(i => !current.Contains(i.Id)).Select(i => i.Id).ToList();
            foreach (var part in old.Chunk(500))
                await db
                    .Incidents.Where(x => part.Contains(x.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, x => x.Address));
            foreach (var part in keyless.Chunk(500))
                await db.Incidents.Where(x => part.Contains(x.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, (string?)null));
            await db.RollupStates.Where(s => s.Name == AddressKeyRekey.StateName).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, 1));
            return true;
        });

        var chunks = 0;
        var result = await app.Factory.WithScopeAsync(sp =>
            AddressKeyRekey.EnsureCurrentAsync(sp.GetRequiredService<LianxinDbContext>(), normalizer, afterChunk: () =>
            {
                chunks++;
                return Task.CompletedTask;
            })
        );
        Assert.True(result.Ran);
        Assert.Equal(count - current.Count, result.Changed["incidents"]);
        Assert.True(chunks >= 2);
        var keys = await app.Factory.WithDbAsync(db =>
            db.Incidents.Where(i => i.Number.StartsWith($"C{tag}"))
                .Select(i => new { i.Id, i.AddressKey })
                .ToDictionaryAsync(i => i.Id, i => i.AddressKey)
        );
        Assert.All(incidents, i => Assert.Equal(normalizer.Normalize(i.Address), keys[i.Id]));
        Assert.Equal(normalizer.KeyVersion, await StoredVersionAsync());
    }

    private Incident NewIncident(string number, string address)
    {
        var incident = Incident.Receive(
            new IncidentReport
            {
                Number = number,
                ReceivedAt = DateTimeOffset.UtcNow.AddDays(-1),
                CategoryCode = "dispute",
                Address = address,
                AddressKey = app.Factory.Services.GetRequiredService<AddressNormalizer>().Normalize(address),
                Summary = "邻里噪音纠纷",
                HandlingUnitId = app.World.Stations[0].Id,
                Source = IncidentSource.Manual,
            }
        );
        incident.Place(null, null);
        return incident;
    }

    private static RepeatCluster Cluster(string key, Incident incident)
    {
        var cluster = RepeatCluster.Open(
            RepeatClusterKind.Address,
            key,
            incident.Address!,
            incident.OrgUnitId,
            incident.CategoryCode,
            incident.ReceivedAt,
            incident.ReceivedAt
        );
        cluster.Take(incident.Id, incident.ReceivedAt);
        cluster.Counted(1);
        return cluster;
    }

    private Task<(Guid?, PlacementMethod?)> PlaceAsync(string address) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var incident = NewIncident("X", address);
            var method = await new IncidentPlacer(sp.GetRequiredService<LianxinDbContext>()).PlaceAsync(incident, CancellationToken.None);
            return (incident.PlaceId, method);
        });

    private Task StartAsync() =>
        app
            .Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .OfType<Lianxin.Web.Hosting.DatabaseInitializer>()
            .Single()
            .StartAsync(CancellationToken.None);

    private Task<RollupState> StateAsync() =>
        app.Factory.WithDbAsync(db => db.RollupStates.AsNoTracking().SingleAsync(s => s.Name == AddressKeyRekey.StateName));

    private Task<int?> StoredVersionAsync() =>
        app.Factory.WithDbAsync(db =>
            db.RollupStates.AsNoTracking()
                .Where(s => s.Name == AddressKeyRekey.StateName)
                .Select(s => (int?)s.Version)
                .FirstOrDefaultAsync()
        );

    private Task<AddressKeyRekey.Result> EnsureCurrentAsync() =>
        app.Factory.WithScopeAsync(sp =>
            AddressKeyRekey.EnsureCurrentAsync(sp.GetRequiredService<LianxinDbContext>(), sp.GetRequiredService<AddressNormalizer>())
        );
}
