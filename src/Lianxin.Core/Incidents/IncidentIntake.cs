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

/// <summary>Runs the intake steps. Every intake path calls this once, inside its transaction, right after
/// the save that added the incidents, so no path can skip the statistics or the repeat check.</summary>
public static class IncidentIntake
{
    public static async Task RunStepsAsync(LianxinDbContext db, IEnumerable<IIncidentIntakeStep> steps, IReadOnlyList<Incident> added,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0) return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Intake steps run inside the transaction that added the incidents.");
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.OnAddedAsync(db, added, ct);
        // Whatever a step tracked but did not save yet goes in with the same transaction.
        await db.SaveChangesAsync(ct);
    }
}
