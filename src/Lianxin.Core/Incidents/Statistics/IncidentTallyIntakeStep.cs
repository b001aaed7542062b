using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>Counts, on every intake, the incidents the intake stored without a tracked save (bulk paths); those
/// saved through the context were counted by its save already (see <see cref="IncidentTallyRollup"/>).
/// An intake that comes in parts (a file) adds its counts up in memory and writes them once, after its last part:
/// a million incidents touch a few thousand rows, and every part would otherwise write most of them again. The
/// counts are tied to the intake's transaction, so a run that failed and is run again starts from nothing.</summary>
public sealed class IncidentTallyIntakeStep : IIncidentIntakeStep
{
    /// <summary>Rows held for an intake in parts before they are written early (memory stays bounded however long
    /// the file's period).</summary>
    public const int HeldRowsMax = 200_000;

    /// <summary>First: the statistics are part of storing the incident, before any check that reacts to it.</summary>
    public int Order => 0;

    private (object Transaction, IncidentTallyRollup.Accumulator Rows)? _parts;

    public async Task OnAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct)
    {
        var rows = new IncidentTallyRollup.Accumulator();
        Count(db, added, rows);
        var changes = rows.Rows();
        if (changes.Count == 0)
            return;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await IncidentTallyRollup.ApplyAsync(db, changes, ct);
            if (own is not null)
                await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    public async Task OnPartAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Intake steps run inside the intake's transaction.");
        if (_parts is not { } parts || !ReferenceEquals(parts.Transaction, tx))
            _parts = parts = (tx, new IncidentTallyRollup.Accumulator());
        Count(db, added, parts.Rows);
        if (parts.Rows.Count < HeldRowsMax)
            return;
        _parts = (tx, new IncidentTallyRollup.Accumulator());
        await IncidentTallyRollup.ApplyAsync(db, parts.Rows.Rows(), ct);
    }

    public async Task OnPartsFinishedAsync(LianxinDbContext db, CancellationToken ct)
    {
        if (_parts is not { } parts || !ReferenceEquals(parts.Transaction, db.Database.CurrentTransaction))
            return;
        _parts = null;
        await IncidentTallyRollup.ApplyAsync(db, parts.Rows.Rows(), ct);
    }

    private static void Count(LianxinDbContext db, IReadOnlyList<Incident> added, IncidentTallyRollup.Accumulator rows)
    {
        foreach (var i in added)
        {
            if (db.TalliedIncidents.Contains(i.Id))
                continue;
            rows.Add(IncidentFact.Of(i), +1);
            db.TalliedIncidents.Add(i.Id);
        }
    }
}
