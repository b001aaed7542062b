using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents.Repeats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Lianxin.Core.Upkeep;

/// <summary>
/// Recomputes every stored address match key (of every feature that stores one, so it lives outside the
/// platform areas, which name no feature) when the normaliser's rules (or the configured jurisdiction)
/// differ from those the keys were made with, so residents registered long ago still match incidents
/// reported today. Runs at start-up after the migrations; the version the keys were made with is kept in
/// <see cref="RollupState"/> under <see cref="StateName"/>.
///
/// Every table is read in key order in chunks (never a whole table), and each chunk's changed rows are
/// written in their own transaction by one statement that carries the chunk's (id, old address, old key, new key)
/// rows (<c>unnest</c> of arrays on PostgreSQL, a <c>VALUES</c> list on SQLite), so a start that is interrupted
/// leaves finished chunks done and the
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
    public static async Task<Result> EnsureCurrentAsync(
        LianxinDbContext db,
        AddressNormalizer addresses,
        ILogger? log = null,
        int chunk = DefaultChunk,
        Func<Task>? afterChunk = null,
        CancellationToken ct = default
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        var version = addresses.KeyVersion;
        return await OneTimeUpkeep.RunAsync(
            db,
            StateName,
            version,
            LockKey,
            async () =>
            {
                log?.LogInformation(
                    "Address keys were made with version {Stored}; recomputing for version {Version}",
                    await OneTimeUpkeep.StoredVersionAsync(db, StateName, ct),
                    version
                );
                var result = await RekeyAllAsync(db, addresses, log, chunk, afterChunk, ct);
                log?.LogInformation(
                    "Address keys recomputed: {Changed}",
                    string.Join(", ", result.Changed.Select(c => $"{c.Key} {c.Value}"))
                );
                return (result, result.Total);
            },
            ct
        ) ?? Result.Skipped;
    }

    private static async Task<Result> RekeyAllAsync(
        LianxinDbContext db,
        AddressNormalizer addresses,
        ILogger? log,
        int chunk,
        Func<Task>? afterChunk,
        CancellationToken ct
    )
    {
        // Each table keeps the convention its service writes with: incidents and directives
        // store no key for an address that gives none; residents, disputes and look-backs store the empty key.
        string? NullIfEmpty(string? address) => addresses.Key(address);
        string? KeepEmpty(string? address) => addresses.KeyOrEmpty(address);

        var changed = new Dictionary<string, int>();
        changed["incidents"] = await RekeyTableAsync(
            db,
            chunk,
            afterChunk,
            NullIfEmpty,
            last =>
                db.Incidents.AsNoTracking()
                    .Where(x => x.Id.CompareTo(last) > 0)
                    .OrderBy(x => x.Id)
                    .Take(chunk)
                    .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            Target.Of<Incidents.Incident>(db, nameof(Incidents.Incident.AddressKey), guardAddress: true),
            null,
            ct
        );
        changed["residents"] = await RekeyTableAsync(
            db,
            chunk,
            afterChunk,
            KeepEmpty,
            last =>
                db.Residents.AsNoTracking()
                    .Where(x => x.Id.CompareTo(last) > 0)
                    .OrderBy(x => x.Id)
                    .Take(chunk)
                    .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            Target.Of<Organization.Resident>(db, nameof(Organization.Resident.AddressKey), guardAddress: true),
            null,
            ct
        );
        changed["disputes"] = await RekeyTableAsync(
            db,
            chunk,
            afterChunk,
            KeepEmpty,
            last =>
                db.Disputes.AsNoTracking()
                    .Where(x => x.Id.CompareTo(last) > 0)
                    .OrderBy(x => x.Id)
                    .Take(chunk)
                    .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            Target.Of<Disputes.Dispute>(db, nameof(Disputes.Dispute.AddressKey), guardAddress: true),
            null,
            ct
        );
        changed["look-backs"] = await RekeyTableAsync(
            db,
            chunk,
            afterChunk,
            KeepEmpty,
            last =>
                db.LookBackPlans.AsNoTracking()
                    .IgnoreAutoIncludes()
                    .Where(x => x.Id.CompareTo(last) > 0)
                    .OrderBy(x => x.Id)
                    .Take(chunk)
                    .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            Target.Of<LookBackPlan>(db, nameof(LookBackPlan.AddressKey), guardAddress: true),
            null,
            ct
        );
        changed["directives"] = await RekeyTableAsync(
            db,
            chunk,
            afterChunk,
            NullIfEmpty,
            last =>
                db.CommandDirectives.AsNoTracking()
                    .Where(x => x.Id.CompareTo(last) > 0)
                    .OrderBy(x => x.Id)
                    .Take(chunk)
                    .Select(x => new Row(x.Id, x.Address, x.AddressKey)),
            Target.Of<CommandDirective>(db, nameof(CommandDirective.AddressKey), guardAddress: true),
            null,
            ct
        );
        // An address cluster's key is its incidents' key: taken from the address of its first incident (the one
        // its label was written from), after the incidents above. The address guard is the cluster's key itself.
        var clusterKeys = new HashSet<string>(StringComparer.Ordinal);
        changed["address-clusters"] = await RekeyTableAsync(
            db,
            chunk,
            afterChunk,
            NullIfEmpty,
            last =>
                db.RepeatClusters.AsNoTracking()
                    .Where(c => c.Kind == RepeatClusterKind.Address && c.Id.CompareTo(last) > 0)
                    .OrderBy(c => c.Id)
                    .Take(chunk)
                    .Select(c => new Row(
                        c.Id,
                        db.RepeatClusterMembers.Where(m => m.ClusterId == c.Id)
                            .Join(db.Incidents, m => m.IncidentId, i => i.Id, (m, i) => i)
                            .OrderBy(i => i.ReceivedAt)
                            .ThenBy(i => i.Id)
                            .Select(i => i.Address)
                            .FirstOrDefault(),
                        c.Key
                    )),
            Target.Of<RepeatCluster>(db, nameof(RepeatCluster.Key), guardAddress: false),
            (row, key) =>
            {
                // A cluster whose incidents give no key (none left, or no address) keeps the key it has.
                if (key is null || row.Address is null)
                    return false;
                clusterKeys.Add(key);
                return true;
            },
            ct
        );

        // A group's address keys, and the address key each member joined by, are those of its incidents: taken again from
        // the incident that brought the key (or the member's own), after the incidents above.
        changed["group-address-keys"] = await RekeyGroupKeysAsync(db, chunk, afterChunk, ct);

        // Two address clusters can now share a key (one was written 东港豪庭小区3栋…, the other 东港豪庭3栋…).
        // They are left as they are: merging would have to join their focus-list owners, notes and any dispute
        // opened from either, which people decide better than a start-up step. The repeat check adds a new
        // incident to the open cluster of that key seen last, so the other stops growing and closes with its
        // window; the number of such keys is logged so staff can look at them.
        var shared = 0;
        foreach (var part in clusterKeys.Chunk(500))
        {
            shared += await db
                .RepeatClusters.AsNoTracking()
                .Where(c => c.Kind == RepeatClusterKind.Address && part.Contains(c.Key))
                .GroupBy(c => c.Key)
                .Where(g => g.Count() > 1)
                .CountAsync(ct);
        }
        if (shared > 0)
            log?.LogWarning("{Count} address keys are now shared by more than one repeat cluster; they were left unmerged", shared);
        return new Result(true, changed, shared);
    }

    /// <summary>Re-keys the address keys of repeated-incident groups from the incidents that brought them, and the address
    /// key each member joined by from its incident, a chunk of groups per transaction. Two keys of one group that become
    /// one are kept once (the first brought). Returns how many key rows changed.</summary>
    private static async Task<int> RekeyGroupKeysAsync(LianxinDbContext db, int chunk, Func<Task>? afterChunk, CancellationToken ct)
    {
        const RepeatClusterKind address = RepeatClusterKind.Address;
        var changed = 0;
        var last = Guid.Empty;
        while (true)
        {
            var ids = await db
                .RepeatClusterMembers.AsNoTracking()
                .Where(m => m.JoinedKind == address && m.ClusterId.CompareTo(last) > 0)
                .Select(m => m.ClusterId)
                .Union(db.RepeatClusterKeys.Where(k => k.Kind == address && k.ClusterId.CompareTo(last) > 0).Select(k => k.ClusterId))
                .OrderBy(id => id)
                .Take(chunk)
                .ToListAsync(ct);
            if (ids.Count == 0)
                break;
            var keys = await (
                from k in db.RepeatClusterKeys
                where k.Kind == address && ids.Contains(k.ClusterId)
                join i in db.Incidents on k.IncidentId equals i.Id
                where i.AddressKey != null && i.AddressKey != k.Key
                select new { Row = k, NewKey = i.AddressKey! }
            ).ToListAsync(ct);
            var members = await (
                from m in db.RepeatClusterMembers
                where m.JoinedKind == address && ids.Contains(m.ClusterId)
                join i in db.Incidents on m.IncidentId equals i.Id
                where i.AddressKey != null && i.AddressKey != m.JoinedKey
                select new { Row = m, NewKey = i.AddressKey! }
            ).ToListAsync(ct);
            if (keys.Count + members.Count > 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var m in members)
                    db.Entry(m.Row).Property(x => x.JoinedKey).CurrentValue = m.NewKey;
                // A key is part of its row's identity: the old rows go first, then the new ones, each held once per group.
                var changing = keys.Select(k => k.Row.ClusterId).ToHashSet();
                var kept = await db
                    .RepeatClusterKeys.AsNoTracking()
                    .Where(k => k.Kind == address && changing.Contains(k.ClusterId))
                    .Select(k => new { k.ClusterId, k.Key })
                    .ToListAsync(ct);
                var held = kept.Select(k => (k.ClusterId, k.Key)).ToHashSet();
                foreach (var k in keys)
                {
                    held.Remove((k.Row.ClusterId, k.Row.Key));
                    db.RepeatClusterKeys.Remove(k.Row);
                }
                await db.SaveChangesAsync(ct);
                foreach (var k in keys.OrderBy(k => k.Row.IncidentId))
                    if (held.Add((k.Row.ClusterId, k.NewKey)))
                        db.RepeatClusterKeys.Add(
                            new RepeatClusterKey
                            {
                                ClusterId = k.Row.ClusterId,
                                Kind = address,
                                Key = k.NewKey,
                                Label = k.Row.Label,
                                IncidentId = k.Row.IncidentId,
                            }
                        );
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                changed += keys.Count;
                if (afterChunk is not null)
                    await afterChunk();
            }
            last = ids[^1];
            if (ids.Count < chunk)
                break;
        }
        return changed;
    }

    /// <summary>Pages through one table by id and writes the rows whose key changed, one transaction per chunk.
    /// <paramref name="include"/>, when given, picks which of the changed rows may be written.</summary>
    private static async Task<int> RekeyTableAsync(
        LianxinDbContext db,
        int chunk,
        Func<Task>? afterChunk,
        Func<string?, string?> keyOf,
        Func<Guid, IQueryable<Row>> page,
        Target target,
        Func<Row, string?, bool>? include,
        CancellationToken ct
    )
    {
        var changed = 0;
        var last = Guid.Empty; // below every id in both databases' order
        while (true)
        {
            var rows = await page(last).ToListAsync(ct);
            if (rows.Count == 0)
                break;
            var stale = rows.Select(r => (Row: r, Key: keyOf(r.Address)))
                .Where(r => !SameKey(r.Row.Key, r.Key) && (include is null || include(r.Row, r.Key)))
                .ToList();
            if (stale.Count > 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                changed += await WriteAsync(db, target, stale, ct);
                await tx.CommitAsync(ct);
            }
            last = rows[^1].Id;
            if (afterChunk is not null)
                await afterChunk();
            if (rows.Count < chunk)
                break;
        }
        return changed;
    }

    /// <summary>A table whose key column is recomputed, with its names as the model maps them. With
    /// <see cref="Address"/> null the row is guarded by its old key alone.</summary>
    private sealed record Target(string Table, string Id, string? Address, string Key)
    {
        public static Target Of<T>(LianxinDbContext db, string keyProperty, bool guardAddress)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var sql = db.GetService<ISqlGenerationHelper>();
            string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(store)!);
            return new Target(
                sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema()),
                Column("Id"),
                guardAddress ? Column("Address") : null,
                Column(keyProperty)
            );
        }
    }

    /// <summary>SQLite's limit on parameters in one statement is 32,766; four per row stay well below it.</summary>
    private const int SqliteRowsPerStatement = 4000;

    /// <summary>Writes the new keys of a chunk's changed rows in one statement (on SQLite, one per
    /// <see cref="SqliteRowsPerStatement"/> rows), each row only while its address and key are still those read.
    /// Returns how many rows were written.</summary>
    private static async Task<int> WriteAsync(LianxinDbContext db, Target t, List<(Row Row, string? Key)> rows, CancellationToken ct)
    {
        var addressGuard = t.Address is null ? "" : $" AND t.{t.Address} IS NOT DISTINCT FROM v.address";
        if (db.IsPostgres)
        {
            var text =
                $"UPDATE {t.Table} AS t SET {t.Key} = v.new_key "
                + "FROM unnest({0}, {1}, {2}, {3}) AS v(id, address, old_key, new_key) "
                + $"WHERE t.{t.Id} = v.id{addressGuard} AND t.{t.Key} IS NOT DISTINCT FROM v.old_key";
            return await db.Database.ExecuteSqlRawAsync(
                text,
                [
                    rows.Select(r => r.Row.Id).ToArray(),
                    rows.Select(r => r.Row.Address).ToArray(),
                    rows.Select(r => r.Row.Key).ToArray(),
                    rows.Select(r => r.Key).ToArray(),
                ],
                ct
            );
        }
        // SQLite writes null-safe equality as IS.
        addressGuard = addressGuard.Replace("IS NOT DISTINCT FROM", "IS", StringComparison.Ordinal);
        var written = 0;
        foreach (var part in rows.Chunk(SqliteRowsPerStatement))
        {
            var values = new System.Text.StringBuilder();
            var parameters = new object?[part.Length * 4];
            for (var i = 0; i < part.Length; i++)
            {
                var n = i * 4;
                if (i > 0)
                    values.Append(", ");
                values.Append(System.Globalization.CultureInfo.InvariantCulture, $"({{{n}}}, {{{n + 1}}}, {{{n + 2}}}, {{{n + 3}}})");
                (parameters[n], parameters[n + 1], parameters[n + 2], parameters[n + 3]) = (
                    part[i].Row.Id,
                    part[i].Row.Address,
                    part[i].Row.Key,
                    part[i].Key
                );
            }
            var text =
                $"WITH v(id, address, old_key, new_key) AS (VALUES {values}) "
                + $"UPDATE {t.Table} AS t SET {t.Key} = v.new_key FROM v "
                + $"WHERE t.{t.Id} = v.id{addressGuard} AND t.{t.Key} IS v.old_key";
            written += await db.Database.ExecuteSqlRawAsync(text, parameters!, ct);
        }
        return written;
    }

    private static bool SameKey(string? stored, string? computed) => string.Equals(stored, computed, StringComparison.Ordinal);

    private const long LockKey = 0x4C78416B6579; // "LxAkey"
}
