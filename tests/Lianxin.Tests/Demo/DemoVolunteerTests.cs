using Lianxin.Core.Demo;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Volunteers;

namespace Lianxin.Tests.Demo;

public class DemoVolunteerTests
{
    [Fact]
    public void The_demo_station_has_forty_volunteers_five_squads_and_a_few_applicants()
    {
        var protector = DemoTestSupport.Protector();
        var county = DemoCounty.Build(protector, residents: 500);
        var data = DemoVolunteers.Build(county, protector, DateTimeOffset.UtcNow, "demo-volunteer-account");

        Assert.Equal(DemoVolunteers.DefaultCount + 1, data.Volunteers.Count);
        var station = county.Stations[0].Station;
        var units = county.Units.ToDictionary(u => u.Id);
        Assert.All(data.Volunteers, v => Assert.StartsWith(station.Path, units[v.OrgUnitId].Path, StringComparison.Ordinal));
        Assert.True(data.Volunteers.Select(v => v.OrgUnitId).Distinct().Count() >= 5, "spread over the station's villages");
        Assert.InRange(data.Volunteers.Count(v => v.Status == VolunteerStatus.Applicant), 2, 6);

        Assert.Equal(5, data.Squads.Count);
        Assert.Contains(data.Squads, s => s.TypeCode == SquadTypes.HouseholdPatrol);
        var joint = Assert.Single(data.Squads, s => s.TypeCode == SquadTypes.JointDefence);
        Assert.NotNull(joint.PartnerName);
        Assert.True(joint.AgreementFrom <= joint.AgreementTo);
        foreach (var squad in data.Squads)
            Assert.Single(data.Members, m => m.SquadId == squad.Id && m.Role == SquadRole.Leader);
        var active = data.Volunteers.Where(v => v.Status == VolunteerStatus.Active).Select(v => v.Id).ToHashSet();
        Assert.All(data.Members, m => Assert.Contains(m.VolunteerId, active));

        var own = Assert.Single(data.Volunteers, v => v.UserId == "demo-volunteer-account");
        Assert.Equal(VolunteerStatus.Active, own.Status);
        Assert.Contains(data.Members, m => m.VolunteerId == own.Id);

        var codes = DictionaryDefaults
            .Items.Where(i =>
                i.Category is VolunteerDictionaries.Skill or VolunteerDictionaries.SquadType or VolunteerDictionaries.AssistantKind
            )
            .Select(i => (i.Category, i.Code))
            .ToHashSet();
        Assert.All(data.Volunteers.SelectMany(v => v.Skills), s => Assert.Contains((VolunteerDictionaries.Skill, s), codes));
        Assert.All(data.Squads, s => Assert.Contains((VolunteerDictionaries.SquadType, s.TypeCode), codes));
        Assert.Contains(data.Volunteers, v => v.AssistantKindCode is not null);
        Assert.All(data.Volunteers.Where(v => v.AssistantKindCode is not null), v =>
            Assert.Contains((VolunteerDictionaries.AssistantKind, v.AssistantKindCode!), codes)
        );
        Assert.Equal(3, codes.Count(c => c.Category == VolunteerDictionaries.AssistantKind));
    }
}
