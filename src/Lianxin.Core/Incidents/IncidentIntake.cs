using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents;

/// <summary>Runs the intake steps. Every intake path calls this once, inside its transaction, right after
/// the save that added the incidents, so no path can skip the statistics or the repeat check.</summary>
public static class IncidentIntake
{
    public static async Task RunStepsAsync(
        LianxinDbContext db,
        IEnumerable<IIncidentIntakeStep> steps,
        IReadOnlyList<Incident> added,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Intake steps run inside the transaction that added the incidents.");
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.OnAddedAsync(db, added, ct);
        // Whatever a step tracked but did not save yet goes in with the same transaction.
        await db.SaveChangesAsync(ct);
    }

    /// <summary>One part of an intake that comes in parts; call <see cref="FinishPartsAsync"/> after the last.</summary>
    public static async Task RunPartAsync(
        LianxinDbContext db,
        IEnumerable<IIncidentIntakeStep> steps,
        IReadOnlyList<Incident> added,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Intake steps run inside the transaction that added the incidents.");
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.OnPartAddedAsync(db, added, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Ends an intake that came in parts, inside its transaction.</summary>
    public static async Task FinishPartsAsync(LianxinDbContext db, IEnumerable<IIncidentIntakeStep> steps, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps.OrderBy(s => s.Order))
            await step.OnPartsFinishedAsync(db, ct);
        await db.SaveChangesAsync(ct);
    }
}
