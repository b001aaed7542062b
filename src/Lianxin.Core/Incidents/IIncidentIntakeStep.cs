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

    /// <summary>For an intake that comes in parts (a file of a million rows): called for each part instead of
    /// <see cref="OnAddedAsync"/>, and <see cref="OnPartsFinishedAsync"/> follows the last. By default each part is
    /// handled as an intake of its own.</summary>
    Task OnPartAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct) => OnAddedAsync(db, added, ct);

    /// <summary>For an intake that comes in parts: called with a part's incidents before they are written, so what a step
    /// can tell of them already is written with them instead of by an update after (the repeat check flags those that
    /// meet the rule within the intake). <see cref="OnPartAddedAsync"/> follows with those that were written. It may run
    /// on another thread while the part before is still being written and handed to <see cref="OnPartAddedAsync"/>, so
    /// it must not use the context beyond its transaction and must guard what it shares with that call.</summary>
    void OnPartWriting(LianxinDbContext db, IReadOnlyList<Incident> part) { }

    /// <summary>After the last part of an intake that came in parts, in the same transaction: what a step kept for
    /// the end of the whole intake (one summary to each officer rather than one per part) is done here.</summary>
    Task OnPartsFinishedAsync(LianxinDbContext db, CancellationToken ct) => Task.CompletedTask;
}
