using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Organization;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentPlaceManySqliteTests(IncidentSqliteApp app) : IncidentPlaceManyTests(app), IClassFixture<IncidentSqliteApp>;

public sealed class IncidentPlaceManyPostgresTests(IncidentPostgresApp app)
    : IncidentPlaceManyTests(app),
        IClassFixture<IncidentPostgresApp>;

/// <summary>Placing a chunk at once gives each incident exactly what placing it alone gives.</summary>
public abstract class IncidentPlaceManyTests(IncidentApp app)
{
    [Fact]
    public async Task Placing_a_mixed_chunk_at_once_equals_placing_each_alone()
    {
        var w = app.World;
        var normalizer = app.Factory.Services.GetRequiredService<AddressNormalizer>();
        var tag = Guid.NewGuid().ToString("N")[..4];
        string A(string text) => $"港{tag}{text}";
        await app.Factory.WithDbAsync(async db =>
        {
            db.SuppressEntityAudit = true;
            void Resident(string address, Guid unit) =>
                db.Residents.Add(
                    new Resident
                    {
                        Name = "住户",
                        OrgUnitId = unit,
                        Address = address,
                        AddressKey = normalizer.Normalize(address),
                    }
                );
            // Two residents of the grid and one of the village at one flat: the grid has more.
            Resident(A("5栋1单元101"), w.Grids[0].Id);
            Resident(A("5栋1单元101室"), w.Grids[0].Id);
            Resident(A("5栋1单元101"), w.Villages[0].Id);
            // One each in two units: a tie, settled the same way both times.
            Resident(A("6栋"), w.Villages[0].Id);
            Resident(A("6栋"), w.Districts[0].Id);
            // A building known as a whole and a flat in it known to another unit.
            Resident(A("7栋"), w.Villages[0].Id);
            Resident(A("7栋2单元301"), w.Grids[0].Id);
            // Registered with the other station only.
            Resident(A("8栋"), w.Grids[1].Id);
            await db.SaveChangesAsync();
            return true;
        });

        var n = 0;
        Incident New(Guid handling, string? address = null, double? lng = null, double? lat = null)
        {
            var i = Incident.Receive(
                new IncidentReport
                {
                    Number = $"PM{tag}{n++:D3}",
                    ReceivedAt = DateTimeOffset.UtcNow,
                    CategoryCode = "dispute",
                    Summary = "测试",
                    HandlingUnitId = handling,
                    Address = address,
                    AddressKey = address is null ? null : normalizer.Normalize(address),
                    Longitude = lng,
                    Latitude = lat,
                    Source = IncidentSource.Import,
                }
            );
            i.Place(null, null);
            return i;
        }

        var s1 = w.Stations[0].Id;
        var cases = new List<(Incident Incident, Guid? Place, PlacementMethod? Method)>
        {
            (New(s1, lng: 114.05, lat: 38.05), w.Grids[0].Id, PlacementMethod.Coordinates), // inside the grid
            (New(s1, lng: 114.0, lat: 38.05), w.Grids[0].Id, PlacementMethod.Coordinates), // on the grid's edge
            (New(s1, A("6栋"), lng: 114.2, lat: 38.2), w.Villages[0].Id, PlacementMethod.Coordinates), // in the village, outside the grid
            (New(s1, A("5栋1单元101"), lng: 120, lat: 30), w.Grids[0].Id, PlacementMethod.Address), // outside every boundary: the address
            (New(s1, A("5栋1单元101室")), w.Grids[0].Id, PlacementMethod.Address),
            (New(w.Grids[0].Id, A("5栋1单元101")), w.Grids[0].Id, PlacementMethod.Address), // handled below the station
            (New(s1, A("6栋")), null, PlacementMethod.Address), // the tie
            (New(s1, A("7栋2单元301")), w.Grids[0].Id, PlacementMethod.Address), // the longest match
            (New(s1, A("7栋门口")), w.Villages[0].Id, PlacementMethod.Address), // a leading part
            (New(s1, A("8栋")), null, null), // another station's resident
            (New(w.Villages[1].Id, A("8栋")), w.Grids[1].Id, PlacementMethod.Address), // ... found by that station
            // station 1's boundary does not count
            (New(w.Stations[1].Id, A("8栋"), lng: 114.05, lat: 38.05), w.Grids[1].Id, PlacementMethod.Address),
            (New(s1, "无人登记的地址8号"), null, null),
            (New(s1, "三组"), null, null), // too short to match
            (New(s1), null, null),
            (New(s1, "东峪村三组1号"), w.Grids[0].Id, PlacementMethod.Address), // a resident of the test world
            (New(Guid.NewGuid(), A("5栋1单元101")), null, null), // unknown handling unit
        };

        var one = cases.Select(c => Copy(c.Incident)).ToList();
        var many = cases.Select(c => Copy(c.Incident)).ToList();
        var withRegisterRead = cases.Select(c => Copy(c.Incident)).ToList();
        var alone = await app.Factory.WithScopeAsync(async sp =>
        {
            var placer = new IncidentPlacer(sp.GetRequiredService<LianxinDbContext>());
            var methods = new List<PlacementMethod?>();
            foreach (var i in one)
                methods.Add(await placer.PlaceAsync(i, CancellationToken.None));
            return methods;
        });
        var together = await app.Factory.WithScopeAsync(sp =>
            new IncidentPlacer(sp.GetRequiredService<LianxinDbContext>()).PlaceManyAsync(many, CancellationToken.None)
        );

        // A placer that reads the station's register whole (as for a large file) places them the same.
        var read = await app.Factory.WithScopeAsync(sp =>
            new IncidentPlacer(sp.GetRequiredService<LianxinDbContext>()) { LoadRegisterAbove = 0 }.PlaceManyAsync(
                withRegisterRead,
                CancellationToken.None
            )
        );

        Assert.Equal(alone, together);
        Assert.Equal(alone, read);
        Assert.Equal(
            many.Select(i => (i.PlaceId, i.PlacedBy, i.OrgUnitId)),
            withRegisterRead.Select(i => (i.PlaceId, i.PlacedBy, i.OrgUnitId))
        );
        for (var k = 0; k < cases.Count; k++)
        {
            Assert.Equal((one[k].PlaceId, one[k].PlacedBy, one[k].OrgUnitId), (many[k].PlaceId, many[k].PlacedBy, many[k].OrgUnitId));
            var expected = cases[k];
            if (expected.Incident.AddressKey == normalizer.Normalize(A("6栋")) && expected.Incident.Longitude is null)
            {
                // The tie: one of the two units, the same each time.
                Assert.Contains(many[k].PlaceId, new Guid?[] { w.Villages[0].Id, w.Districts[0].Id });
                Assert.Equal(PlacementMethod.Address, together[k]);
                continue;
            }
            Assert.True((expected.Place, expected.Method) == (many[k].PlaceId, together[k]), $"case {k}: {many[k].PlaceId} {together[k]}");
        }
        // An unknown handling unit leaves the incident as it was; a queued one is scoped to its handling unit.
        Assert.Equal(cases[^1].Incident.OrgUnitId, many[^1].OrgUnitId);
        Assert.Equal(s1, many[12].OrgUnitId);
    }

    [Fact]
    public async Task Many_keys_are_answered_in_several_queries_with_the_same_result_as_one_by_one()
    {
        var normalizer = app.Factory.Services.GetRequiredService<AddressNormalizer>();
        var tag = Guid.NewGuid().ToString("N")[..4];
        var unit = app.World.Grids[0].Id;
        await app.Factory.WithDbAsync(async db =>
        {
            db.SuppressEntityAudit = true;
            for (var b = 0; b < 40; b++)
            {
                var address = $"长街{tag}{b}号院{b}栋";
                db.Residents.Add(
                    new Resident
                    {
                        Name = "住户",
                        OrgUnitId = b % 2 == 0 ? unit : app.World.Villages[0].Id,
                        Address = address,
                        AddressKey = normalizer.Normalize(address),
                    }
                );
            }
            await db.SaveChangesAsync();
            return true;
        });
        // Enough distinct keys that their leading parts run past one query's share.
        var buildings = Enumerable.Range(0, 1200).Select(k => k % 50).ToList();
        var keys = Enumerable
            .Range(0, 1200)
            .Select(k => normalizer.Normalize($"长街{tag}{k % 50}号院{k % 50}栋{k}单元{k % 7}0{k % 9}"))
            .ToList();
        var prefixes = keys.SelectMany(k =>
                Enumerable.Range(PlaceRegister.MinKeyLength, k.Length - PlaceRegister.MinKeyLength + 1).Select(n => k[..n])
            )
            .Distinct()
            .Count();
        Assert.True(prefixes > PlaceRegister.PrefixesPerQuery, $"{prefixes} leading parts");
        var (many, single, loaded) = await app.Factory.WithDbAsync(async db =>
        {
            var residents = db.Residents.Where(r => r.OrgUnit!.Path.StartsWith(app.World.Stations[0].Path));
            var many = await PlaceRegister.UnitsForAddressKeysAsync(residents, keys, CancellationToken.None);
            var single = new Dictionary<string, Guid?>();
            foreach (var k in keys.Take(80))
                single[k] = await PlaceRegister.UnitForAddressKeyAsync(residents, k, CancellationToken.None);
            // The register read whole (as a file import reads it) answers the same.
            var register = await PlaceRegister.LoadAsync(residents, CancellationToken.None);
            return (many, single, register!.UnitsFor(keys));
        });
        foreach (var (k, u) in single)
            Assert.Equal(u, many.TryGetValue(k, out var m) ? m : null);
        Assert.Equal(many.OrderBy(p => p.Key, StringComparer.Ordinal), loaded.OrderBy(p => p.Key, StringComparer.Ordinal));
        for (var k = 0; k < keys.Count; k++)
        {
            var b = buildings[k];
            Guid? expected =
                b >= 40 ? null
                : b % 2 == 0 ? unit
                : app.World.Villages[0].Id;
            Assert.Equal(expected, many.TryGetValue(keys[k], out var found) ? found : null);
        }
    }

    private static Incident Copy(Incident i)
    {
        var c = Incident.Receive(
            new IncidentReport
            {
                Number = i.Number,
                ReceivedAt = i.ReceivedAt,
                CategoryCode = i.CategoryCode,
                Summary = i.Summary,
                HandlingUnitId = i.HandlingUnitId,
                Address = i.Address,
                AddressKey = i.AddressKey,
                Longitude = i.Longitude,
                Latitude = i.Latitude,
                Source = i.Source,
            }
        );
        c.Place(null, null);
        return c;
    }
}
