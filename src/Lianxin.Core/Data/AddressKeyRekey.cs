using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Repeats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lianxin.Core.Data;

/// <summary>
/// Recomputes every stored address match key when the normaliser's rules (or the configured jurisdiction)
/// differ from those the keys were made with, so residents registered long ago still match incidents
/// reported today. Runs at start-up after the migrations; the version the keys were made with is kept in
/// <see cref="RollupState"/> under <see cref="StateName"/>.
///
/// Every table is read in key order in chunks (never a whole table), and each chunk's changed rows are
/// written in their own transaction, so a start that is interrupted leaves finished chunks done and the
/// version unrecorded: the next start reads everything again and writes only what is still old. A row is
/// written only when its key changes, and only while its address is still the one the key was computed
/// from, so an edit saved meanwhile by a running node is never overwritten.
///
/// Addresses are stored as plain text in every table that keys them (only names, phones and ID numbers are
/// encrypted), so no decryption is needed here. A file import stores nothing until its batch is done, and
/// then with keys of the rules it ran under, so it holds no keys to recompute.
/// </summary>
public static class AddressKeyRekey
{
    public const string StateName = "address-keys";
    public const int DefaultChunk = 2000;

    /// <summary>What one run changed, by table.</summary>
    public sealed record Result(bool Ran, IReadOnlyDictionary<string, int> Changed, int SharedClusterKeys)
    {
        public static readonly Result Skipped = new(false, new Dictionary<string, int>(), 0);
        public int Total => Changed.Values.Sum();
    }

    private sealed record Row(Guid Id, string? Address, string? Key);

    /// <summary>
    /// Re-keys when the stored version differs from <see cref="AddressNormalizer.KeyVersion"/>. Nodes starting
    /// together take turns on PostgreSQL (a session lock held through the run, so the second finds the
    /// version recorded and does nothing); on SQLite one file has one writer, and a second run would only
    /// find nothing left to change. <paramref name="afterChunk"/> is called after each committed chunk.
    /// </summary>
    public static async Task<Result> EnsureCurrentAsync(LianxinDbContext db, AddressNormalizer addresses, ILogger? log = null,
        int chunk = DefaultChunk, Func<Task>? afterChunk = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException("Re-keying commits chunk by chunk and cannot run inside a transaction.");
        var version = addresses.KeyVersion;
        if (await StoredVersionAsync(db, ct) == version) return Result.Skipped;

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", ct);
            try
            {
                // Another node may have finished while this one waited for the lock.
                if (await StoredVersionAsync(db, ct) == version) return Result.Skipped;
                log?.LogInformation("Address keys were made with version {Stored}; recomputing for version {Version}",
                    await StoredVersionAsync(db, ct), version);
                var result = await RekeyAllAsync(db, addresses, log, chunk, afterChunk, ct);
                await RecordAsync(db, version, result.Total, ct);
                log?.LogInformation("Address keys recomputed: {Changed}", string.Join(", ", result.Changed.Select(c => $"{c.Key} {c.Value}")));
                return result;
            }
            finally
            {
                if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Task<int?> StoredVersionAsync(LianxinDbContext db, CancellationToken ct) =>
        db.RollupStates.AsNoTracking().Where(s => s.Name == StateName).Select(s => (int?)s.Version).FirstOrDefaultAsync(ct);

    private static async Task<Result> RekeyAllAsync(LianxinDbContext db, AddressNormalizer addresses, ILogger? log, int chunk,
        Func<Task>? afterChunk, CancellationToken ct)
    {
        // Each table keeps the convention its service writes with: incidents and directives
        // store no key for an address that gives none; residents, disputes and look-backs store the empty key.
        string? NullIfEmpty(string? address) => addresses.Key(address);
        string? KeepEmpty(string? address) => addresses.KeyOrEmpty(address);

        var changed = new Dictionary<string, int>();
        changed["incidents"] = await RekeyTableAsync(db, chunk, afterChunk, NullIfEmpty,
            last => db.Incidents.AsNoTracking().Where(x => x.Id.CompareTo(last) > 0).OrderBy(x => x.Id).Take(chunk)
                .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            (row, key) => db.Incidents.Where(x => x.Id == row.Id && x.Address == row.Address && x.AddressKey == row.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, key), ct), ct);
        changed["residents"] = await RekeyTableAsync(db, chunk, afterChunk, KeepEmpty,
            last => db.Residents.AsNoTracking().Where(x => x.Id.CompareTo(last) > 0).OrderBy(x => x.Id).Take(chunk)
                .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            (row, key) => db.Residents.Where(x => x.Id == row.Id && x.Address == row.Address && x.AddressKey == row.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, key), ct), ct);
        changed["disputes"] = await RekeyTableAsync(db, chunk, afterChunk, KeepEmpty,
            last => db.Disputes.AsNoTracking().Where(x => x.Id.CompareTo(last) > 0).OrderBy(x => x.Id).Take(chunk)
                .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            (row, key) => db.Disputes.Where(x => x.Id == row.Id && x.Address == row.Address && x.AddressKey == row.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, key), ct), ct);
        changed["look-backs"] = await RekeyTableAsync(db, chunk, afterChunk, KeepEmpty,
            last => db.LookBackPlans.AsNoTracking().IgnoreAutoIncludes().Where(x => x.Id.CompareTo(last) > 0).OrderBy(x => x.Id).Take(chunk)
                .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            (row, key) => db.LookBackPlans.Where(x => x.Id == row.Id && x.Address == row.Address && x.AddressKey == row.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, key), ct), ct);
        changed["directives"] = await RekeyTableAsync(db, chunk, afterChunk, NullIfEmpty,
            last => db.CommandDirectives.AsNoTracking().Where(x => x.Id.CompareTo(last) > 0).OrderBy(x => x.Id).Take(chunk)
                .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            (row, key) => db.CommandDirectives.Where(x => x.Id == row.Id && x.Address == row.Address && x.AddressKey == row.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.AddressKey, key), ct), ct);
        // An address cluster's key is its incidents' key: taken from the address of its first incident (the one
        // its label was written from), after the incidents above. The address guard is the cluster's key itself.
        var clusterKeys = new HashSet<string>(StringComparer.Ordinal);
        changed["address-clusters"] = await RekeyTableAsync(db, chunk, afterChunk, NullIfEmpty,
            last => db.RepeatClusters.AsNoTracking()
                .Where(c => c.Kind == RepeatClusterKind.Address && c.Id.CompareTo(last) > 0).OrderBy(c => c.Id).Take(chunk)
                .Select(c => new Row(c.Id,
                    db.RepeatClusterMembers.Where(m => m.ClusterId == c.Id)
                        .Join(db.Incidents, m => m.IncidentId, i => i.Id, (m, i) => i)
                        .OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).Select(i => i.Address).FirstOrDefault(),
                    c.Key)),
            async (row, key) =>
            {
                // A cluster whose incidents give no key (none left, or no address) keeps the key it has.
                if (key is null || row.Address is null) return 0;
                clusterKeys.Add(key);
                var old = row.Key ?? "";
                return await db.RepeatClusters.Where(c => c.Id == row.Id && c.Key == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.Key, key), ct);
            }, ct);

        // Two address clusters can now share a key (one was written 东港豪庭小区3栋…, the other 东港豪庭3栋…).
        // They are left as they are: merging would have to join their focus-list owners, notes and any dispute
        // opened from either, which people decide better than a start-up step. The repeat check adds a new
        // incident to the open cluster of that key seen last, so the other stops growing and closes with its
        // window; the number of such keys is logged so staff can look at them.
        var shared = 0;
        foreach (var part in clusterKeys.Chunk(500))
        {
            shared += await db.RepeatClusters.AsNoTracking().Where(c => c.Kind == RepeatClusterKind.Address && part.Contains(c.Key))
                .GroupBy(c => c.Key).Where(g => g.Count() > 1).CountAsync(ct);
        }
        if (shared > 0) log?.LogWarning("{Count} address keys are now shared by more than one repeat cluster; they were left unmerged", shared);
        return new Result(true, changed, shared);
    }

    /// <summary>Pages through one table by id and writes the rows whose key changed, one transaction per chunk.</summary>
    private static async Task<int> RekeyTableAsync(LianxinDbContext db, int chunk, Func<Task>? afterChunk, Func<string?, string?> keyOf,
        Func<Guid, IQueryable<Row>> page, Func<Row, string?, Task<int>> write, CancellationToken ct)
    {
        var changed = 0;
        var last = Guid.Empty; // below every id in both databases' order
        while (true)
        {
            var rows = await page(last).ToListAsync(ct);
            if (rows.Count == 0) break;
            var stale = rows.Select(r => (Row: r, Key: keyOf(r.Address))).Where(r => !SameKey(r.Row.Key, r.Key)).ToList();
            if (stale.Count > 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var (row, key) in stale) changed += await write(row, key);
                await tx.CommitAsync(ct);
            }
            last = rows[^1].Id;
            if (afterChunk is not null) await afterChunk();
            if (rows.Count < chunk) break;
        }
        return changed;
    }

    private static bool SameKey(string? stored, string? computed) => string.Equals(stored, computed, StringComparison.Ordinal);


    private static async Task RecordAsync(LianxinDbContext db, int version, int changed, CancellationToken ct)
    {
        var state = await db.RollupStates.FirstOrDefaultAsync(s => s.Name == StateName, ct);
        if (state is null) db.RollupStates.Add(state = new RollupState { Name = StateName });
        state.Version = version;
        state.BuiltAt = db.Now;
        state.Rows = changed;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!db.IsPostgres)
        {
            // Two SQLite processes on one file both found the keys old; the other recorded the version first.
            db.ChangeTracker.Clear();
        }
    }

    private const long LockKey = 0x4C78416B6579; // "LxAkey"
}
