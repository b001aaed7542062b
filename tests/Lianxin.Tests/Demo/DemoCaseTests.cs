using Lianxin.Core.Demo;
using Lianxin.Core.Incidents.Cases;

namespace Lianxin.Tests.Demo;

public sealed class DemoCaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cases_come_from_recent_incidents_most_concluded_in_time_and_the_newest_open_one_warned_and_one_overdue()
    {
        var protector = DemoTestSupport.Protector();
        var county = DemoCounty.Build(protector, residents: 3000);
        var incidents = DemoIncidents.Build(county, protector, 6000, Now);
        var units = county.Units.Select(u => u.Id).ToHashSet();
        var limits = new CaseLimitDays();
        var cases = DemoCases.Build(incidents, units, Now, "officer-id", "李警官", limits);

        Assert.InRange(cases.Count, 10, 24);
        Assert.Equal(cases.Count, cases.Select(c => c.Number).Distinct().Count());
        var byId = incidents.ToDictionary(i => i.Id);
        Assert.All(cases, c =>
        {
            var incident = byId[c.IncidentId!.Value];
            Assert.True(c.RegisteredAt > incident.ReceivedAt && c.RegisteredAt < Now);
            Assert.Equal(incident.OrgUnitId, c.OrgUnitId);
            if (c.Status == CaseStatus.Concluded)
                Assert.True(c.ConcludedAt <= c.DueAt && c.ConcludedAt < Now);
        });
        var open = cases.Where(c => c.IsOpen).ToList();
        Assert.InRange(open.Count, 3, 6);
        Assert.Contains(open, c => c.IsNearingLimit(Now));
        Assert.Contains(open, c => c.IsOverdue(Now));
        Assert.Contains(open, c => !c.IsNearingLimit(Now) && !c.IsOverdue(Now));
    }
}
