using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents;

/// <summary>What every intake path (entry by hand, the 110 API, file import) does with incidents it has
/// just added, inside the transaction that adds them, so no path can skip it: keep the statistics'
/// roll-ups current and run the repeat check. Implementations are registered in DI and run in
/// <see cref="Order"/>.</summary>
public interface IIncidentIntakeStep
{
    int Order { get; }

    /// <summary>Called once per intake with the incidents it added (already saved, same transaction).</summary>
    Task OnAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct);
}

/// <summary>Runs the registered intake steps, in <see cref="IIncidentIntakeStep.Order"/>, on the incidents an
/// intake path has just added (saved, inside its transaction).</summary>
public static class IncidentIntake
{
    public static async Task RunStepsAsync(LianxinDbContext db, IEnumerable<IIncidentIntakeStep> steps, IReadOnlyList<Incident> added, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0) return;
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.OnAddedAsync(db, added, ct);
    }
}
