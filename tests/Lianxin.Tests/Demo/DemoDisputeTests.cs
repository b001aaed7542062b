using Lianxin.Core.Demo;
using Lianxin.Core.Disputes;

namespace Lianxin.Tests.Demo;

public sealed class DemoDisputeTests
{
    private static readonly DateTimeOffset Until = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);
    private static readonly Lazy<DemoCountyData> County = new(() => DemoCounty.Build(DemoTestSupport.Protector(), residents: 2000));

    [Fact]
    public void Same_seed_and_day_give_the_same_disputes()
    {
        var a = DemoDisputes.Build(County.Value, 400, Until);
        var b = DemoDisputes.Build(County.Value, 400, Until);
        Assert.Equal(
            a.Select(d => (d.Id, d.Number, d.Title, d.Status, d.Level, d.RegisteredAt, d.EndedAt, d.Events.Count)),
            b.Select(d => (d.Id, d.Number, d.Title, d.Status, d.Level, d.RegisteredAt, d.EndedAt, d.Events.Count))
        );
    }

    [Fact]
    public void Two_years_of_every_outcome_with_timelines_the_state_machine_allows()
    {
        var disputes = DemoDisputes.Build(County.Value, DemoDisputes.DefaultCount, Until);
        Assert.Equal(DemoDisputes.DefaultCount, disputes.Count);
        Assert.Equal(disputes.Count, disputes.Select(d => d.Number).Distinct().Count());
        Assert.All(disputes, d =>
        {
            Assert.InRange(d.RegisteredAt, Until.AddDays(-731), Until);
            Assert.All(d.Events, e => Assert.True(e.At <= Until));
            // Each event starts where the previous one ended: no step was skipped.
            for (var i = 1; i < d.Events.Count; i++)
            {
                Assert.Equal(d.Events[i - 1].ToStatus, d.Events[i].FromStatus);
                Assert.True(d.Events[i].At >= d.Events[i - 1].At);
            }
            Assert.Equal(d.Status, d.Events[^1].ToStatus);
        });
        foreach (var status in Enum.GetValues<DisputeStatus>())
            Assert.Contains(disputes, d => d.Status == status);
        foreach (var level in Enum.GetValues<MediationLevel>())
            Assert.Contains(disputes, d => d.Events.Any(e => e.Kind == DisputeEventKind.Resolved && e.ToLevel == level));
        Assert.Contains(disputes, d => d.ReopenCount > 0);
        Assert.Contains(disputes, d => d.RegisteredAt < Until.AddDays(-365));
        var resolved = disputes.Count(d => d.Events.Any(e => e.Kind == DisputeEventKind.Resolved));
        Assert.InRange(resolved, disputes.Count * 6 / 10, disputes.Count * 95 / 100);
    }
}
