using System.Diagnostics;
using System.Text.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Demo;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Organization;

namespace Lianxin.Tests.Demo;

public sealed class DemoCountyTests
{
    private static readonly PersonalDataProtector Protector = DemoTestSupport.Protector();
    private static readonly Lazy<(DemoCountyData Data, TimeSpan Took)> Full = new(() =>
    {
        var watch = Stopwatch.StartNew();
        var data = DemoCounty.Build(Protector);
        return (data, watch.Elapsed);
    });

    [Fact]
    public void Same_seed_gives_the_same_county()
    {
        var a = DemoCounty.Build(Protector, residents: 4000, seed: 42);
        var b = DemoCounty.Build(DemoTestSupport.Protector(), residents: 4000, seed: 42);

        Assert.Equal(
            a.Units.Select(u => (u.Id, u.Code, u.Name, u.ParentId, u.Population, u.BoundaryGeoJson)),
            b.Units.Select(u => (u.Id, u.Code, u.Name, u.ParentId, u.Population, u.BoundaryGeoJson))
        );
        Assert.Equal(
            a.Residents.Select(r =>
                (r.Id, r.Name, r.IdNumberMasked, r.IdNumberHash, r.PhoneMasked, r.Address, r.OrgUnitId, string.Join(",", r.Tags))
            ),
            b.Residents.Select(r =>
                (r.Id, r.Name, r.IdNumberMasked, r.IdNumberHash, r.PhoneMasked, r.Address, r.OrgUnitId, string.Join(",", r.Tags))
            )
        );
        Assert.Equal(
            a.Members.Select(m => (m.Id, m.Name, m.Kind, m.OrgUnitId, m.PhoneHash, string.Join(",", m.Skills))),
            b.Members.Select(m => (m.Id, m.Name, m.Kind, m.OrgUnitId, m.PhoneHash, string.Join(",", m.Skills)))
        );

        var other = DemoCounty.Build(Protector, residents: 4000, seed: 43);
        Assert.NotEqual(a.Residents.Select(r => r.Name), other.Residents.Select(r => r.Name));
    }

    [Fact]
    public void Builds_eighty_thousand_residents_quickly()
    {
        var (data, took) = Full.Value;
        Assert.Equal(DemoCounty.DefaultResidents, data.Residents.Count);
        // "A few seconds" on a workstation; the bound leaves room for a busy build machine.
        Assert.True(took < TimeSpan.FromSeconds(30), $"Building took {took}.");
    }

    [Fact]
    public void Every_id_number_is_valid_unique_and_matches_the_resident()
    {
        var data = Full.Value.Data;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in data.Residents)
        {
            var clear = Protector.Reveal(r.IdNumber);
            var id = CitizenId.Parse(clear);
            Assert.True(id.IsValid, $"{r.Name}: {clear} {id.Error}");
            Assert.True(seen.Add(id.Normalized!), $"duplicate {clear}");
            Assert.Equal(id.BirthDate, r.BirthDate);
            Assert.Equal(id.Gender, r.Gender);
            Assert.InRange(r.BirthDate!.Value.Year, 1930, 2020);
            Assert.Equal(CitizenId.Mask(clear!), r.IdNumberMasked);
            Assert.Equal(Protector.BlindIndex(clear!), r.IdNumberHash);
        }
        Assert.True(
            data.Residents.Count(r => r.IdNumberMasked!.StartsWith("130131", StringComparison.Ordinal)) > data.Residents.Count * 0.9
        );
    }

    [Fact]
    public void Unit_tree_is_well_formed()
    {
        var data = Full.Value.Data;
        var seen = new Dictionary<Guid, OrgUnit>();
        foreach (var u in data.Units)
        {
            if (u.ParentId is { } parentId)
            {
                Assert.True(seen.TryGetValue(parentId, out var parent), $"{u.Code} comes before its parent");
                Assert.True(parent!.Kind.CanContain(u.Kind), $"{parent.Kind} cannot contain {u.Kind} ({u.Code})");
                Assert.Equal(parent.Path + u.Id.ToString("N") + "/", u.Path);
            }
            else
                Assert.Equal(OrgUnitKind.Bureau, u.Kind);
            seen.Add(u.Id, u);
            Assert.Matches("^[A-Za-z0-9_-]{1,32}$", u.Code);
        }
        Assert.Equal(data.Units.Count, data.Units.Select(u => u.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());

        Assert.Single(data.Units, u => u.Kind == OrgUnitKind.Bureau);
        Assert.Same(data.Bureau, data.Units[0]);
        Assert.Equal(2, data.Units.Count(u => u.Kind == OrgUnitKind.Station));
        Assert.Equal(5, data.Units.Count(u => u.Kind == OrgUnitKind.Community));
        Assert.Equal(30, data.Units.Count(u => u.Kind == OrgUnitKind.Village));
        foreach (var station in data.Units.Where(u => u.Kind == OrgUnitKind.Station))
            Assert.InRange(Children(data, station).Count(c => c.Kind == OrgUnitKind.PoliceDistrict), 2, 3);
        var firstStation = data.Stations[0].Station;
        Assert.True(
            data.Units.Count(u => u.Kind == OrgUnitKind.Village && u.Path.StartsWith(firstStation.Path, StringComparison.Ordinal)) > 15
        );

        foreach (var place in data.Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community))
        {
            var grids = Children(data, place).Where(c => c.Kind == OrgUnitKind.Grid).ToList();
            Assert.InRange(grids.Count, 2, 4);
            if (place.Kind == OrgUnitKind.Village)
            {
                Assert.InRange(grids.Sum(g => Children(data, g).Count(c => c.Kind == OrgUnitKind.Group)), 3, 8);
                Assert.NotNull(place.BoundaryGeoJson);
                using var json = JsonDocument.Parse(place.BoundaryGeoJson!);
                Assert.Equal("Polygon", json.RootElement.GetProperty("type").GetString());
                var ring = json.RootElement.GetProperty("coordinates")[0];
                Assert.Equal(5, ring.GetArrayLength());
                Assert.Equal(ring[0].ToString(), ring[4].ToString());
            }
            Assert.InRange(place.CenterLat!.Value, 38.2, 38.4);
            Assert.InRange(place.CenterLng!.Value, 113.9, 114.2);
        }

        foreach (var s in data.Stations)
        {
            Assert.Equal(OrgUnitKind.Station, s.Station.Kind);
            Assert.Equal(s.Station.Id, s.PoliceDistrict.ParentId);
            Assert.Equal(s.PoliceDistrict.Id, s.Village.ParentId);
            Assert.Equal(s.Village.Id, s.Grid.ParentId);
        }
    }

    [Fact]
    public void Population_figures_match_the_residents()
    {
        var data = Full.Value.Data;
        var units = data.Units.ToDictionary(u => u.Id);
        Assert.Equal(data.Residents.Count, data.Bureau.Population);
        Assert.Equal(
            data.Residents.Count,
            data.Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community).Sum(u => u.Population)
        );
        foreach (var place in data.Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community))
        {
            var living = data.Residents.Where(r => units[r.OrgUnitId].Path.StartsWith(place.Path, StringComparison.Ordinal)).ToList();
            Assert.Equal(living.Count, place.Population);
            Assert.Equal(living.Select(r => r.Address).Distinct().Count(), place.Households);
            Assert.InRange(place.Population / (double)place.Households, 2.0, 4.0);
        }
    }

    [Fact]
    public void Residents_look_like_a_real_register()
    {
        var data = Full.Value.Data;
        var units = data.Units.ToDictionary(u => u.Id);
        Assert.Equal(data.Residents.Count, data.Residents.Select(r => r.Id).Distinct().Count());
        Assert.All(data.Residents, r =>
        {
            Assert.InRange(r.Name.Length, 2, 3);
            Assert.Contains(units[r.OrgUnitId].Kind, new[] { OrgUnitKind.Group, OrgUnitKind.Grid });
            Assert.Equal(AddressNormalizer.Default.Normalize(r.Address), r.AddressKey);
            Assert.Matches("(号|室)$", r.Address!);
        });
        Assert.Contains(data.Residents, r => r.Address!.StartsWith("西柏坡镇李家庄村", StringComparison.Ordinal));
        Assert.Contains(data.Residents, r => r.Address!.StartsWith("滨湖社区", StringComparison.Ordinal));

        var withPhone = data.Residents.Count(r => r.Phone.HasValue) / (double)data.Residents.Count;
        Assert.InRange(withPhone, 0.80, 0.90);
        foreach (var r in data.Residents.Where(r => r.Phone.HasValue).Take(2000))
        {
            var phone = PhoneNumber.Parse(Protector.Reveal(r.Phone));
            Assert.True(phone.IsValid, $"{Protector.Reveal(r.Phone)}: {phone.Error}");
            Assert.Equal(PhoneNumber.Mask(phone.Normalized!), r.PhoneMasked);
        }

        var tagged = data.Residents.Count(r => r.Tags.Count > 0) / (double)data.Residents.Count;
        Assert.InRange(tagged, 0.03, 0.08);
        var tagNames = DictionaryDefaults.Items.Where(i => i.Category == "resident-tag").Select(i => i.Name).ToHashSet();
        Assert.All(data.Residents.SelectMany(r => r.Tags), t => Assert.Contains(t, tagNames));
        Assert.Contains(data.Residents, r => r.Tags.Contains("独居老人"));
        var household = data.Residents.GroupBy(r => r.Address).ToDictionary(g => g.Key!, g => g.Count());
        Assert.All(data.Residents.Where(r => r.Tags.Contains("独居老人")), r => Assert.Equal(1, household[r.Address!]));
    }

    [Fact]
    public void Every_kind_of_member_is_there_in_sensible_numbers()
    {
        var data = Full.Value.Data;
        var units = data.Units.ToDictionary(u => u.Id);
        foreach (var kind in Enum.GetValues<MemberKind>())
            Assert.Contains(data.Members, m => m.Kind == kind);
        Assert.Equal(data.Members.Count, data.Members.Select(m => m.Id).Distinct().Count());
        Assert.Empty(data.Residents.Select(r => r.Id).Intersect(data.Members.Select(m => m.Id)));

        var skills = DictionaryDefaults.Items.Where(i => i.Category == "skill").Select(i => i.Code).ToHashSet();
        Assert.All(data.Members, m =>
        {
            Assert.All(m.Skills, s => Assert.Contains(s, skills));
            Assert.True(m.Phone.HasValue);
            Assert.True(units.ContainsKey(m.OrgUnitId));
            Assert.All(m.ServedUnitIds, id => Assert.True(units.ContainsKey(id)));
        });
        Assert.All(data.Members.Where(m => m.Kind == MemberKind.Partner), m => Assert.False(string.IsNullOrWhiteSpace(m.Organization)));
        Assert.Contains(data.Members, m => m.Organization == "西柏坡镇司法所");

        var households = data.Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community).Sum(u => u.Households);
        Assert.InRange(data.Members.Count(m => m.Kind == MemberKind.HouseholdHead), households / 100 * 0.8, households / 100 * 1.3);
        Assert.InRange(data.Members.Count(m => m.Kind == MemberKind.Volunteer), 200, 500);
        foreach (var grid in data.Units.Where(u => u.Kind == OrgUnitKind.Grid))
            Assert.Contains(data.Members, m => m.Kind == MemberKind.GridWorker && m.OrgUnitId == grid.Id);
        foreach (var village in data.Units.Where(u => u.Kind == OrgUnitKind.Village))
        {
            Assert.Single(data.Members, m => m.Kind == MemberKind.SecurityDirector && m.OrgUnitId == village.Id);
            Assert.Contains(data.Members, m => m.Kind == MemberKind.SecurityCommitteeMember && m.OrgUnitId == village.Id);
        }
        foreach (var district in data.Units.Where(u => u.Kind == OrgUnitKind.PoliceDistrict))
            Assert.Contains(data.Members, m => m.Kind == MemberKind.Officer && m.OrgUnitId == district.Id && m.ServedUnitIds.Count > 0);
        foreach (var s in data.Stations)
            Assert.Contains(data.Members, m => m.Kind == MemberKind.Leader && m.OrgUnitId == s.Station.Id);
    }

    [Fact]
    public void A_tiny_county_still_has_every_kind_of_member()
    {
        var data = DemoCounty.Build(Protector, residents: 50, seed: 1);
        Assert.Equal(50, data.Residents.Count);
        foreach (var kind in Enum.GetValues<MemberKind>())
            Assert.Contains(data.Members, m => m.Kind == kind);
    }

    private static IEnumerable<OrgUnit> Children(DemoCountyData data, OrgUnit parent) => data.Units.Where(u => u.ParentId == parent.Id);

    [Fact]
    public void Every_village_and_community_has_its_committee_head_among_the_partners()
    {
        var data = DemoCounty.Build(DemoTestSupport.Protector(), residents: 2_000);
        var places = data.Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community).ToList();
        Assert.NotEmpty(places);
        foreach (var place in places)
        {
            var heads = data
                .Members.Where(m => m.Kind == MemberKind.Partner && m.OrgUnitId == place.Id && m.Organization!.EndsWith("委员会"))
                .ToList();
            var head = Assert.Single(heads);
            Assert.Contains(place.Kind == OrgUnitKind.Village ? "村委会主任" : "居委会主任", head.Note);
            Assert.Equal([place.Id], head.ServedUnitIds);
        }
        // The "村干部" a land dispute suggests (a partner whose organisation names a village) now exists.
        Assert.Contains(data.Members, m => m.Kind == MemberKind.Partner && m.Organization!.Contains('村'));
    }
}
