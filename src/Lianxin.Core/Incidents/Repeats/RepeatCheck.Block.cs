using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The block path of the repeat check, for an intake that fills its window (a file of a hundred thousand
/// calls): instead of reading the earlier incidents and the open groups key by key (an index probe per address, phone
/// and person of the intake), it reads once, by time, the stored incidents and parties of the intake's window that are
/// not the intake's own, and once the groups still open in it with their members; the intake's own incidents come from
/// memory. What it then hands to the clustering is exactly what the reads by key would have returned, so the groups and
/// flags are those of the path by key (and of taking the incidents one by one).</summary>
public sealed partial class RepeatCheck
{
    /// <summary>A stored member of an open group, as the block reads it.</summary>
    private sealed record StoredMember(Guid IncidentId, RepeatClusterKind? JoinedKind, string? JoinedKey);

    /// <summary>What the check reads of an incident, kept from a part until the intake's last part is in: a copy without
    /// the summary, the encrypted fields and the rest the check never reads (a million-row file is held whole), or the
    /// incident itself when it cannot be copied faithfully.</summary>
    private static Incident KeptForCheck(Incident i)
    {
        var copy = Incident.Receive(
            new IncidentReport
            {
                Id = i.Id,
                Number = i.Number,
                ReceivedAt = i.ReceivedAt,
                CategoryCode = i.CategoryCode,
                Address = i.Address,
                AddressKey = i.AddressKey,
                HandlingUnitId = i.HandlingUnitId,
                Validity = i.Validity,
                Source = i.Source,
                ImportBatchId = i.ImportBatchId,
                CallerPhone = new ProtectedText { Hash = i.CallerPhoneHash, Masked = i.CallerPhoneMasked },
                Summary = "",
            }
        );
        if (i.PlaceId is { } place)
            copy.Place(place, i.PlacedBy);
        if (i.Parties.Count > 0)
        {
            if (!copy.AllowedActions.Contains(IncidentAction.EditParties))
                return i;
            copy.UseParties(i.Parties);
        }
        return copy.OrgUnitId == i.OrgUnitId && copy.Stage == i.Stage ? copy : i;
    }

    /// <summary>After the block is saved, its groups, members and keys (hundreds of thousands for a large file) are no
    /// longer tracked, so the saves that end the intake do not compare them all again.</summary>
    private static void ForgetStoredGroups(LianxinDbContext db)
    {
        var saved = db
            .ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Unchanged && e.Entity is RepeatCluster or RepeatClusterMember or RepeatClusterKey)
            .ToList();
        foreach (var e in saved)
            e.State = EntityState.Detached;
    }

    /// <summary>The rows the reads by key of <see cref="EarlierAsync"/> return, for the whole intake at once: every valid
    /// incident received from <paramref name="since"/> to <paramref name="until"/> (the intake's own from memory, the
    /// others in one read by time; when all the intake's incidents come from one file, the file's stored rows are left
    /// out by its batch) at one of the intake's addresses or phones, and every party in that span naming one of its
    /// people (or, with a caller's phone, any person, then every party naming the persons found that way).</summary>
    private static async Task<List<Earlier>> BlockRowsAsync(
        LianxinDbContext db,
        List<Incident> incoming,
        DateTimeOffset since,
        DateTimeOffset until,
        CancellationToken ct
    )
    {
        // Built only when needed: most of a file's check reads no stored row and no party.
        HashSet<Guid>? own = null;
        bool Own(Guid id) => (own ??= incoming.Select(i => i.Id).ToHashSet()).Contains(id);
        var batches = incoming.Select(i => i.ImportBatchId).Distinct().Take(2).ToList();
        Guid? batch = batches is [{ } b] ? b : null;

        var stored = db
            .Incidents.AsNoTracking()
            .Where(x => x.ReceivedAt >= since && x.ReceivedAt <= until && x.Validity != IncidentValidity.Invalid);
        if (batch is { } fileBatch)
            stored = stored.Where(x => x.ImportBatchId == null || x.ImportBatchId != fileBatch);
        var mine = new List<Earlier>(incoming.Count);
        foreach (var i in incoming)
            mine.Add(
                new Earlier
                {
                    Id = i.Id,
                    ReceivedAt = i.ReceivedAt.ToUniversalTime(),
                    AddressKey = i.AddressKey,
                    CallerPhoneHash = i.CallerPhoneHash,
                    Address = i.Address,
                }
            );
        var others = new List<Earlier>();
        await foreach (var row in stored.Select(AsEarlier).AsAsyncEnumerable().WithCancellation(ct))
            if (batch is not null || !Own(row.Id))
                others.Add(row);

        // Parties in the span that have a person key, with their incident: the intake's own, then the stored ones.
        var parties = new List<(string PersonKey, string? PhoneHash, string? Masked, Earlier Of)>();
        Dictionary<Guid, Earlier>? mineById = null;
        foreach (var i in incoming)
        foreach (var p in i.Parties)
            if (p.PersonKey is { } person && p.ReceivedAt >= since && p.ReceivedAt <= until)
            {
                mineById ??= mine.ToDictionary(e => e.Id);
                parties.Add((person, p.PhoneHash, p.NameMasked ?? p.IdNumberMasked ?? p.PhoneMasked, mineById[i.Id]));
            }
        // As the reads by key: the party's own time in the span, its incident valid (whenever it was received).
        var valid = db.Incidents.AsNoTracking().Where(x => x.Validity != IncidentValidity.Invalid);
        if (batch is { } partyBatch)
            valid = valid.Where(x => x.ImportBatchId == null || x.ImportBatchId != partyBatch);
        var storedParties = db
            .IncidentParties.AsNoTracking()
            .Where(p => p.ReceivedAt >= since && p.ReceivedAt <= until && p.PersonKey != null)
            .Join(valid, p => p.IncidentId, x => x.Id, AsNaming);
        await foreach (var row in storedParties.AsAsyncEnumerable().WithCancellation(ct))
            if (batch is not null || !Own(row.Id))
                parties.Add(
                    (
                        row.PersonKey!,
                        row.PartyPhoneHash,
                        row.PartyMasked,
                        row with
                        {
                            PersonKey = null,
                            PartyPhoneHash = null,
                            PartyMasked = null,
                        }
                    )
                );

        // The intake's own incidents are read by their own address and phone, so each is a row of both.
        var rows = new List<Earlier>(2 * incoming.Count + others.Count);
        foreach (var x in mine)
        {
            if (!string.IsNullOrEmpty(x.AddressKey))
                rows.Add(x);
            if (!string.IsNullOrEmpty(x.CallerPhoneHash))
                rows.Add(x);
        }
        if (others.Count == 0 && parties.Count == 0)
            return rows;

        // The keys the reads by key would have asked for.
        var addresses = incoming.Select(i => i.AddressKey).OfType<string>().Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var phones = incoming
            .SelectMany(ReadKeysOf)
            .Where(k => k.Kind == RepeatClusterKind.Phone)
            .Select(k => k.Key)
            .ToHashSet(StringComparer.Ordinal);
        var people = incoming
            .SelectMany(KeysOf)
            .Where(k => k.Kind == RepeatClusterKind.Party)
            .Select(k => k.Key)
            .ToHashSet(StringComparer.Ordinal);
        var callers = incoming.Select(i => i.CallerPhoneHash).OfType<string>().Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);

        foreach (var x in others)
        {
            if (x.AddressKey is { } a && addresses.Contains(a))
                rows.Add(x);
            if (x.CallerPhoneHash is { } p && phones.Contains(p))
                rows.Add(x);
        }
        var discovered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (person, phone, masked, of) in parties)
        {
            if (people.Contains(person))
                rows.Add(of with { PersonKey = person });
            if (phone is not null && callers.Contains(phone))
            {
                rows.Add(of with { PersonKey = person, PartyPhoneHash = phone, PartyMasked = masked });
                if (!people.Contains(person))
                    discovered.Add(person);
            }
        }
        if (discovered.Count > 0)
            foreach (var (person, _, _, of) in parties)
                if (discovered.Contains(person))
                    rows.Add(of with { PersonKey = person });
        return rows;
    }

    /// <summary>The open groups the hits reach, as <see cref="OpenGroupsAsync"/> finds them by key, from one read of every
    /// group still open at <paramref name="since"/> (with its keys) and, for a large intake, one read of their members.</summary>
    private static async Task<Groups> BlockGroupsAsync(
        LianxinDbContext db,
        List<Hit> hits,
        List<(RepeatClusterKind Kind, string Key)> pairs,
        bool large,
        bool recheck,
        DateTimeOffset since,
        CancellationToken ct
    )
    {
        var open = db.RepeatClusters.Where(c => c.LastAt >= since);
        await (large ? open.Include(c => c.Keys) : open.Include(c => c.Members).Include(c => c.Keys)).LoadAsync(ct);
        Dictionary<Guid, List<StoredMember>>? members = null;
        if (large)
        {
            members = [];
            var rows = db
                .RepeatClusterMembers.AsNoTracking()
                .Join(
                    open,
                    m => m.ClusterId,
                    c => c.Id,
                    (m, c) =>
                        new
                        {
                            m.ClusterId,
                            m.IncidentId,
                            m.JoinedKind,
                            m.JoinedKey,
                        }
                );
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (!members.TryGetValue(row.ClusterId, out var list))
                    members[row.ClusterId] = list = [];
                list.Add(new StoredMember(row.IncidentId, row.JoinedKind, row.JoinedKey));
            }
        }
        var current = db.RepeatClusters.Local.Where(c => c.LastAt >= since).ToList();
        var groups = new Groups();
        var keys = pairs.ToHashSet();
        await groups.RegisterAsync(db, current.Where(c => c.Keys.Any(k => keys.Contains((k.Kind, k.Key)))).ToList(), large, ct, members);

        // Groups holding an incident the hits repeat that the keys did not bring: found among the open groups read.
        var wanted = hits.SelectMany(h => h.Earlier.Select(e => e.Id))
            .Concat(recheck ? hits.Select(h => h.Incident.Id) : [])
            .Where(id => !groups.Holds(id))
            .ToHashSet();
        if (wanted.Count == 0)
            return groups;
        var found = current
            .Where(c =>
                db.Entry(c).State == EntityState.Added || !large
                    ? c.Members.Any(m => wanted.Contains(m.IncidentId))
                    : (members!.GetValueOrDefault(c.Id) ?? []).Any(m => wanted.Contains(m.IncidentId))
            )
            .ToList();
        await groups.RegisterAsync(db, found, large, ct, members);
        return groups;
    }
}
