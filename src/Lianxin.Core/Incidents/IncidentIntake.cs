using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents;

/// <summary>Runs the intake steps. Every intake path calls this once, inside its transaction, right after
/// the save that added the incidents, so no path can skip the statistics or the repeat check.</summary>
public static class IncidentIntake
{
    public static Task RunStepsAsync(
        LianxinDbContext db,
        IEnumerable<IIncidentIntakeStep> steps,
        IReadOnlyList<Incident> added,
        CancellationToken ct
    ) => RunAsync(db, steps, added, (step, ct) => step.OnAddedAsync(db, added, ct), ct);

    /// <summary>One part of an intake that comes in parts; call <see cref="FinishPartsAsync"/> after the last.</summary>
    public static Task RunPartAsync(
        LianxinDbContext db,
        IEnumerable<IIncidentIntakeStep> steps,
        IReadOnlyList<Incident> added,
        CancellationToken ct
    ) => RunAsync(db, steps, added, (step, ct) => step.OnPartAddedAsync(db, added, ct), ct);

    /// <summary>Before a part of an intake that comes in parts is written (inside the intake's transaction).</summary>
    public static void BeforePartWritten(LianxinDbContext db, IEnumerable<IIncidentIntakeStep> steps, IReadOnlyList<Incident> part)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(part);
        if (part.Count == 0)
            return;
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Intake steps run inside the transaction that adds the incidents.");
        foreach (var step in steps.OrderBy(s => s.Order))
            step.OnPartWriting(db, part);
    }

    private static async Task RunAsync(
        LianxinDbContext db,
        IEnumerable<IIncidentIntakeStep> steps,
        IReadOnlyList<Incident> added,
        Func<IIncidentIntakeStep, CancellationToken, Task> run,
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
            await run(step, ct);
        // Whatever a step tracked but did not save yet goes in with the same transaction.
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
