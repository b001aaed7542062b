using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>Adds each save's change to the incident statistics' tallies (<see cref="IncidentTallyRollup"/>) and
/// marks the incidents it counted, so an intake step does not count them again.</summary>
internal sealed class IncidentTallyOnSave : ISaveRollup
{
    public Func<CancellationToken, Task>? Collect(LianxinDbContext db)
    {
        var added = new List<Guid>();
        var changes = IncidentTallyRollup.PendingChanges(db.ChangeTracker, added);
        if (changes.Count == 0)
            return null;
        return async ct =>
        {
            await IncidentTallyRollup.ApplyAsync(db, changes, ct);
            db.TalliedIncidents.UnionWith(added);
        };
    }
}
