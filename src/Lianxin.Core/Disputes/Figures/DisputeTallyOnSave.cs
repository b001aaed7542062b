using Lianxin.Core.Data;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>Adds each save's change to the disputes' daily tallies (<see cref="DisputeTallyRollup"/>).</summary>
internal sealed class DisputeTallyOnSave : ISaveRollup
{
    public Func<CancellationToken, Task>? Collect(LianxinDbContext db)
    {
        // Read before the save: afterwards every timeline event counts as stored, and the change would be lost.
        var changes = DisputeTallyRollup.PendingChanges(db.ChangeTracker);
        return changes.Count == 0 ? null : ct => DisputeTallyRollup.ApplyAsync(db, changes, ct);
    }
}
