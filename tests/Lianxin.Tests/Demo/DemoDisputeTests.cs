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
    public void Settled_disputes_carry_signed_agreements_numbered_per_station_and_year_and_some_are_confirmed_by_a_court()
    {
        var built = DemoDisputes.BuildWithAgreements(County.Value, DemoDisputes.DefaultCount, Until);
        var today = Lianxin.Core.Common.ChinaTime.Day(Until);
        var disputes = built.Disputes.ToDictionary(d => d.Id);
        Assert.InRange(built.Agreements.Count, 100, DemoDisputes.DefaultCount / 2);
        Assert.Equal(built.Agreements.Count, built.Counters.Values.Sum());
        Assert.Equal(built.Agreements.Count, built.Agreements.Select(a => a.Number).Distinct().Count());
        Assert.All(built.Agreements, a =>
        {
            Assert.Matches(@"^（20\d\d）\S+调字第\d+号$", a.Number);
            Assert.True(a.IsSigned);
            Assert.True(a.Parties.Count >= 2 && a.Mediators.Count >= 1);
            var d = disputes[a.DisputeId];
            Assert.NotEqual(DisputeStatus.Mediating, d.Status);
            Assert.Contains(d.Events, e => e.Kind == DisputeEventKind.AgreementSigned);
            // Nothing the app would find overdue on its first start: what was due has been performed.
            if (a.PerformanceDeadline < today)
                Assert.Equal(AgreementStatus.Performed, a.Status);
            Assert.True(a.SignedOn <= today && (a.PerformedOn is null || a.PerformedOn <= today));
            if (a.JudicialDecidedOn is { } decided)
                Assert.True(a.JudicialAppliedOn <= decided && decided <= today);
        });
        Assert.Contains(built.Agreements, a => a.JudicialResult == JudicialResult.Confirmed);
        Assert.Contains(built.Agreements, a => a.JudicialChosen && a.JudicialResult is null);
        // Numbered in the order drafted: within a series, a later number is never drafted earlier.
        foreach (var series in built.Agreements.GroupBy(a => a.Number[..a.Number.IndexOf('第')]))
        {
            var ordered = series.OrderBy(a => int.Parse(a.Number[(a.Number.IndexOf('第') + 1)..^1])).ToList();
            Assert.Equal(ordered.Select(a => a.CreatedAt).Order(), ordered.Select(a => a.CreatedAt));
        }
        // The disputes themselves are the same with or without the paperwork.
        Assert.Equal(
            DemoDisputes.Build(County.Value, DemoDisputes.DefaultCount, Until).Select(d => (d.Id, d.Status, d.EndedAt)),
            built.Disputes.Select(d => (d.Id, d.Status, d.EndedAt))
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
