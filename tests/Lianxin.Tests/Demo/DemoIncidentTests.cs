using Lianxin.Core.Demo;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Incidents;

namespace Lianxin.Tests.Demo;

public sealed class DemoIncidentTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<DemoCountyData> County = new(() => DemoCounty.Build(DemoTestSupport.Protector(), residents: 2000));

    [Fact]
    public void Same_seed_and_day_give_the_same_incidents()
    {
        var a = DemoIncidents.Build(County.Value, DemoTestSupport.Protector(), 500, Until);
        var b = DemoIncidents.Build(County.Value, DemoTestSupport.Protector(), 500, Until);
        Assert.Equal(
            a.Select(i => (i.Id, i.Number, i.ReceivedAt, i.SubtypeCode, i.AddressKey, i.CallerPhoneHash, i.PlaceId)),
            b.Select(i => (i.Id, i.Number, i.ReceivedAt, i.SubtypeCode, i.AddressKey, i.CallerPhoneHash, i.PlaceId))
        );
    }

    [Fact]
    public void Two_years_of_incidents_with_dictionary_codes_repeats_a_queue_and_fewer_in_the_later_year()
    {
        var protector = DemoTestSupport.Protector();
        var incidents = DemoIncidents.Build(County.Value, protector, 5000, Until);
        Assert.Equal(5000, incidents.Count);
        Assert.Equal(incidents.Count, incidents.Select(i => i.Number).Distinct().Count());
        var codes = DictionaryDefaults
            .Items.Where(i => i.Category == "incident-category")
            .Select(i => i.Code)
            .Concat(DictionaryDefaults.ChildItems.Where(i => i.Category == "incident-category").Select(i => i.Code))
            .ToHashSet();
        var units = County.Value.Units.ToDictionary(u => u.Id);
        Assert.All(incidents, i =>
        {
            Assert.InRange(i.ReceivedAt, Until.AddDays(-732), Until);
            Assert.Contains(i.CategoryCode, codes);
            if (i.TypeCode is not null)
                Assert.Contains(i.TypeCode, codes);
            if (i.SubtypeCode is not null)
                Assert.Contains(i.SubtypeCode, codes);
            Assert.True(i.Number.Length <= 32);
            Assert.Equal(i.PlaceId ?? i.HandlingUnitId, i.OrgUnitId);
            Assert.Equal(Lianxin.Core.Organization.OrgUnitKind.Station, units[i.HandlingUnitId].Kind);
            Assert.NotNull(i.CallerPhoneHash);
            Assert.DoesNotContain(protector.Reveal(i.CallerPhone)!, i.CallerPhoneMasked!);
        });
        // Repeats point at an earlier incident of the same flat and caller.
        var byId = incidents.ToDictionary(i => i.Id);
        var repeats = incidents.Where(i => i.Validity == IncidentValidity.Repeat).ToList();
        Assert.NotEmpty(repeats);
        Assert.All(repeats, r =>
        {
            var first = byId[r.RepeatOfId!.Value];
            Assert.Equal(first.AddressKey, r.AddressKey);
            Assert.Equal(first.CallerPhoneHash, r.CallerPhoneHash);
            Assert.True(r.ReceivedAt > first.ReceivedAt && r.ReceivedAt - first.ReceivedAt < TimeSpan.FromDays(30));
        });
        Assert.InRange(incidents.Count(i => i.PlaceId is null), 100, 500);
        var later = incidents.Count(i => i.ReceivedAt > Until.AddDays(-365));
        Assert.True(later < incidents.Count - later, $"the later year should have fewer: {later} of {incidents.Count}");
    }
}
