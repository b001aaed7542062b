using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The repeat check on intake, set-based: for all the incidents of one intake (one by hand, or a chunk of
/// thousands from a file) one read of the earlier incidents at their addresses and from their callers within the
/// window (index range reads on (AddressKey, ReceivedAt) and (CallerPhoneHash, ReceivedAt), of the parties on
/// (PersonKey, ReceivedAt) and, for callers named as parties before, on (PhoneHash, ReceivedAt); only the columns
/// clustering needs), one read of the open clusters of the keys that met the rule, then clustering in memory in
/// received-time order, so incidents of the same intake that repeat each other are found as if they had come one
/// by one. Flagged incidents' community officers are told: per incident, or in one summary each when the intake
/// flagged more than <see cref="RepeatOptions.DigestAbove"/>.</summary>
public sealed partial class RepeatCheck(NotificationService notifications, IOptions<RepeatOptions> options, IBulkWriter? bulk = null)
    : IIncidentIntakeStep
{
    public int Order => 20;

    /// <summary>Intakes larger than this (file imports, the 110 system's batches) write the clusters they open and
    /// the members they add with the database's bulk path instead of one statement each; the import's own audit line
    /// stands for them. Smaller intakes save through the context, with an audit line per cluster.</summary>
    public const int BulkWriteAbove = 100;

    /// <summary>Longest key list one statement carries; a longer one is read in parts.</summary>
    public const int KeysPerRead = 5000;

    public Task OnAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct) =>
        CheckAsync(db, added, null, null, ct);

    /// <summary>The incidents of an intake that comes in parts, checked when its last part is in, its notices and the
    /// flags decided before its parts were written; tied to the intake's transaction, so a run that failed and is run
    /// again starts with none.</summary>
    private sealed class PartsOf(object transaction)
    {
        public object Transaction { get; } = transaction;
        public Notices Notices { get; } = new();
        public List<Incident> Incidents { get; } = [];
        public EarlyFlags Early { get; } = new();
    }

    private PartsOf? _parts;

    private PartsOf Parts(LianxinDbContext db)
    {
        var tx = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Intake steps run inside the intake's transaction.");
        if (_parts is not { } parts || !ReferenceEquals(parts.Transaction, tx))
            _parts = parts = new PartsOf(tx);
        return parts;
    }

    /// <summary>A part is only kept (what the check reads of each incident): the whole intake is checked at once after its
    /// last part, with the block reads when it is larger than <see cref="RepeatOptions.BlockAbove"/>.</summary>
    public Task OnPartAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct)
    {
        var parts = Parts(db);
        parts.Early.Written(added);
        parts.Incidents.AddRange(added.Select(KeptForCheck));
        return Task.CompletedTask;
    }

    public async Task OnPartsFinishedAsync(LianxinDbContext db, CancellationToken ct)
    {
        if (_parts is not { } parts || !ReferenceEquals(parts.Transaction, db.Database.CurrentTransaction))
            return;
        _parts = null;
        if (parts.Incidents.Count > 0)
        {
            var block = parts.Incidents.Count > options.Value.BlockAbove;
            await CheckAsync(db, parts.Incidents, null, parts.Notices, ct, block, parts.Early.Flagged);
            if (block)
                ForgetStoredGroups(db);
        }
        parts.Notices.AuditClusters(db);
        await SendAsync(parts.Notices, options.Value, ct);
    }

    /// <summary>Most later calls one edit re-checks (a phone that calls every day still fits well inside).</summary>
    public const int LaterCallsMax = 500;

    /// <summary>After an edit named new parties: the check again for the incident, on its party keys only (its
    /// address and caller were checked on intake); then the calls that came after it, within the window, from the phones
    /// of the people named only now (<paramref name="newPhones"/>), on their party keys: had those people been named from
    /// the start, those calls would have joined their clusters on intake. Call inside a transaction, after saving the
    /// parties.</summary>
    public async Task OnPartiesAddedAsync(
        LianxinDbContext db,
        Incident incident,
        IReadOnlyCollection<string> newPhones,
        CancellationToken ct
    )
    {
        await CheckAsync(db, [incident], RepeatClusterKind.Party, null, ct);
        if (newPhones.Count == 0 || incident.Validity == IncidentValidity.Invalid)
            return;
        var phones = newPhones.Distinct(StringComparer.Ordinal).ToArray();
        var from = incident.ReceivedAt.ToUniversalTime();
        var until = from + TimeSpan.FromDays(options.Value.WindowDays);
        var later = await db
            .Incidents.Include(i => i.Parties)
            .Where(i =>
                i.CallerPhoneHash != null
                && EF.Parameter(phones).Contains(i.CallerPhoneHash)
                && i.ReceivedAt > from
                && i.ReceivedAt <= until
                && i.Validity != IncidentValidity.Invalid
                && i.Id != incident.Id
            )
            .OrderBy(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .Take(LaterCallsMax)
            .ToListAsync(ct);
        if (later.Count > 0)
            await CheckAsync(db, later, RepeatClusterKind.Party, null, ct);
    }

    /// <summary>The check; the officers are told at once, or, for a part of a larger intake, the notices are added to
    /// <paramref name="collecting"/> and sent after the last part.</summary>
    private async Task CheckAsync(
        LianxinDbContext db,
        IReadOnlyList<Incident> added,
        RepeatClusterKind? only,
        Notices? collecting,
        CancellationToken ct,
        bool block = false,
        HashSet<Guid>? early = null
    )
    {
        var rule = options.Value;
        var touched = await ClusterAsync(db, added, rule, ct, only, block);
        if (touched.Count == 0)
        {
            await UnflagAsync(db, early, [], ct);
            return;
        }
        // The incidents that joined a cluster now (a cluster's earlier members were flagged when they joined). Earlier
        // incidents were read without their rows: those tracked here are flagged in memory, the rest in one statement.
        // Each group once: a troubled household's group is touched by each of its hundreds of incidents.
        var flag = touched.Select(t => t.Cluster).Distinct().SelectMany(c => c.Members).Select(m => m.IncidentId).ToHashSet();
        var local = new HashSet<Guid>();
        // The incidents tracked, without comparing every tracked group, member and key first (hundreds of thousands after a
        // file's check): only the flag is set here, and the save that follows compares them.
        foreach (var i in WithoutDetecting(db, () => db.Incidents.Local.ToList()))
            if (flag.Contains(i.Id))
            {
                i.FlagRepeat();
                local.Add(i.Id);
            }
        // Those flagged before they were written are flagged already.
        var stored = flag.Where(id => !local.Contains(id) && early?.Contains(id) != true).ToList();
        // Counted before the bulk write marks the opened clusters stored.
        if (collecting is not null)
            WithoutDetecting(db, () => collecting.CountClusters(db, touched));
        if (bulk is not null && added.Count > BulkWriteAbove)
            await WriteAddedAsync(db, bulk, block, ct);
        if (collecting is null)
            await db.SaveChangesAsync(ct);
        else
        {
            // A part of a larger intake (a file) writes no audit line per cluster: the intake gets one line with the counts
            // when its last part is in, not one per cluster and part (which came to 0.7 lines per incident imported).
            var suppressed = db.SuppressEntityAudit;
            db.SuppressEntityAudit = true;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            finally
            {
                db.SuppressEntityAudit = suppressed;
            }
        }
        foreach (var part in stored.Chunk(KeysPerRead))
            await db
                .Incidents.Where(i => EF.Parameter(part).Contains(i.Id) && !i.FlaggedRepeat)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.FlaggedRepeat, true), ct);
        await UnflagAsync(db, early, flag, ct);
        var notices = collecting ?? new Notices();
        await CollectAsync(db, added, touched, rule, notices, ct);
        if (collecting is null)
            await SendAsync(notices, rule, ct);
    }

    /// <summary>Writes the clusters opened and the members added (tracked as added) in bulk, then marks them stored (or,
    /// with <paramref name="forget"/>, lets the opened ones go), so the save that follows only updates the clusters that
    /// grew.</summary>
    private static async Task WriteAddedAsync(LianxinDbContext db, IBulkWriter writer, bool forget, CancellationToken ct)
    {
        // One comparison of everything tracked finds the members and keys added to the groups' collections; the three
        // lists are then read without comparing again.
        db.ChangeTracker.DetectChanges();
        var (clusters, members, keys) = WithoutDetecting(db, () =>
            (
                db.ChangeTracker.Entries<RepeatCluster>().Where(e => e.State == EntityState.Added).ToList(),
                db.ChangeTracker.Entries<RepeatClusterMember>().Where(e => e.State == EntityState.Added).ToList(),
                db.ChangeTracker.Entries<RepeatClusterKey>().Where(e => e.State == EntityState.Added).ToList()
            )
        );
        await writer.WriteAsync(db, clusters.Select(e => e.Entity).ToList(), ct);
        await writer.WriteAsync(db, members.Select(e => e.Entity).ToList(), ct);
        await writer.WriteAsync(db, keys.Select(e => e.Entity).ToList(), ct);
        // With forget (nothing after the check changes them again) the groups opened now leave the context with their
        // members and keys, so the save that follows compares only the stored groups that grew or were merged away; the
        // members and keys added to a stored group stay, as stored, in its collections.
        var opened = forget ? clusters.Select(e => e.Entity.Id).ToHashSet() : [];
        // The writer stamped them (times, version): what is stored now is what the context compares against.
        foreach (var e in members)
            e.State = opened.Contains(e.Entity.ClusterId) ? EntityState.Detached : EntityState.Unchanged;
        foreach (var e in keys)
            e.State = opened.Contains(e.Entity.ClusterId) ? EntityState.Detached : EntityState.Unchanged;
        foreach (var e in clusters)
        {
            if (forget)
            {
                e.State = EntityState.Detached;
                continue;
            }
            e.State = EntityState.Unchanged;
            e.OriginalValues.SetValues(e.CurrentValues);
        }
    }

    /// <summary>The incidents flagged before they were written that the check did not flag (their partner's number was
    /// stored already, or the rule is met only with more than the check's cap of earlier incidents) are unflagged.</summary>
    private static async Task UnflagAsync(LianxinDbContext db, HashSet<Guid>? early, HashSet<Guid> flagged, CancellationToken ct)
    {
        if (early is null)
            return;
        foreach (var part in early.Where(id => !flagged.Contains(id)).Chunk(KeysPerRead))
            await db
                .Incidents.Where(i => EF.Parameter(part).Contains(i.Id) && i.FlaggedRepeat)
                .ExecuteUpdateAsync(u => u.SetProperty(i => i.FlaggedRepeat, false), ct);
    }

    /// <summary>Reads the change tracker without comparing every tracked entity first.</summary>
    private static void WithoutDetecting(LianxinDbContext db, Action read) => WithoutDetecting(db, () =>
        {
            read();
            return true;
        });

    private static T WithoutDetecting<T>(LianxinDbContext db, Func<T> read)
    {
        var detecting = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return read();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
    }

    /// <summary>A cluster an incident of this intake joined (or opened).</summary>
    public sealed record Touch(RepeatCluster Cluster, Incident Incident, IReadOnlyList<RepeatClusterKind> Kinds);

    /// <summary>What the check reads of an earlier incident: enough to cluster it, not the whole row.</summary>
    public sealed record Earlier
    {
        public Guid Id { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string? AddressKey { get; init; }
        public string? CallerPhoneHash { get; init; }
        public string? Address { get; init; }

        /// <summary>For a row read through a party: the party's person key.</summary>
        public string? PersonKey { get; init; }

        /// <summary>For a row read through a party with a caller's phone: that party's phone and masked name (or ID
        /// number, or phone), so a later call from the phone joins the person's cluster under their label.</summary>
        public string? PartyPhoneHash { get; init; }
        public string? PartyMasked { get; init; }
    }

    /// <summary>A person the caller of an incident was named as in an earlier incident within the window.</summary>
    private sealed record Named(string PersonKey, string? Label);

    private sealed record Hit(Incident Incident, RepeatClusterKind Kind, string Key, List<Earlier> Earlier, string? Label = null);

    /// <summary>The check for the incidents of one intake, already saved in the caller's transaction: finds the
    /// earlier incidents of each (at most <see cref="RepeatOptions.MaxEarlier"/> per key, the newest), and where the
    /// rule is met puts them into the one open group the incident reaches (by its keys or through the incidents it
    /// repeats), merging groups it joins together, or a new one (added to the context, not saved). Returns the group
    /// each incident joined and by which kinds of key. With <paramref name="block"/> the earlier incidents and the open
    /// groups are read by time instead of by key (<see cref="BlockRowsAsync"/>), for an intake that fills its window.</summary>
    public static async Task<IReadOnlyList<Touch>> ClusterAsync(
        LianxinDbContext db,
        IReadOnlyList<Incident> added,
        RepeatOptions rule,
        CancellationToken ct,
        RepeatClusterKind? only = null,
        bool block = false
    )
    {
        var incoming = added
            .Where(i => i.Validity != IncidentValidity.Invalid && KeysOf(i).Any())
            .OrderBy(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .ToList();
        if (incoming.Count == 0)
            return [];
        var window = TimeSpan.FromDays(rule.WindowDays);
        var (earlier, named) = await EarlierAsync(db, incoming, window, ct, block);

        // Whether the rule is met depends on the earlier incidents alone, so it is settled before the clusters are read.
        var hits = new List<Hit>();
        foreach (var incident in incoming)
        {
            var at = incident.ReceivedAt;
            var since = at - window;
            // The caller may be a person named in earlier incidents (A called about B, now B calls): B's party key too.
            var calledAs = named.TryGetValue(incident.Id, out var n) ? n : [];
            // Without parties or namings its keys are its address and its caller, distinct already.
            var keys =
                calledAs.Count == 0 && incident.Parties.Count == 0
                    ? KeysOf(incident)
                    : KeysOf(incident).Concat(calledAs.Select(c => (RepeatClusterKind.Party, c.PersonKey))).Distinct();
            foreach (var (kind, key) in keys)
            {
                if (only is { } k && kind != k)
                    continue;
                if (!earlier.TryGetValue((kind, key), out var rows))
                    continue;
                // A person is also the caller of an earlier incident whose phone is the party's (A calls about B, then B about A).
                var parties = kind == RepeatClusterKind.Party ? incident.Parties.Where(p => p.PersonKey == key).ToList() : [];
                var caller = kind == RepeatClusterKind.Party ? calledAs.FirstOrDefault(c => c.PersonKey == key) : null;
                var phones = parties.Select(p => p.PhoneHash).OfType<string>();
                if (caller is not null)
                    phones = phones.Append(incident.CallerPhoneHash!);
                foreach (var phone in phones.Distinct())
                    if (earlier.TryGetValue((RepeatClusterKind.Phone, phone), out var byCaller))
                        rows = rows.Concat(byCaller)
                            .DistinctBy(r => r.Id)
                            .OrderByDescending(r => r.ReceivedAt)
                            .ThenByDescending(r => r.Id)
                            .ToList();
                // Newest first: the same choice as a read of the window ordered by time and cut at the cap.
                var list = new List<Earlier>();
                foreach (var row in rows)
                {
                    if (row.ReceivedAt > at || row.Id == incident.Id)
                        continue;
                    if (row.ReceivedAt < since || list.Count == RepeatOptions.MaxEarlier)
                        break;
                    list.Add(row);
                }
                if (list.Count + 1 >= rule.MinCount)
                    hits.Add(new Hit(incident, kind, key, list, parties.Select(PartyLabel).FirstOrDefault() ?? caller?.Label));
            }
        }
        if (hits.Count == 0)
            return [];

        var groups = await OpenGroupsAsync(db, hits, incoming.Count > BulkWriteAbove, only is not null, window, ct, block);
        var touched = new List<Touch>(hits.Count);
        var movedNotes = new List<(Guid From, RepeatCluster To)>();
        foreach (var mine in hits.GroupBy(h => h.Incident))
        {
            var incident = mine.Key;
            var since = incident.ReceivedAt - window;
            // Every open group the incident reaches: by a key that met the rule, or through an incident it repeats (or
            // itself, on a re-check) that a group holds already. One problem is one group: two or more are merged into the
            // older, the one whose first incident came first (so taking incidents one by one or in chunks picks the same).
            var reached = mine.SelectMany(h => groups.ByKey((h.Kind, h.Key)).Concat(h.Earlier.SelectMany(e => groups.Holding(e.Id))))
                .Concat(groups.Holding(incident.Id))
                .Where(c => c.LastAt >= since)
                .Distinct()
                .OrderBy(c => c.FirstAt)
                .ThenBy(c => db.Entry(c).State == EntityState.Added)
                .ThenBy(c => c.CreatedAt)
                .ThenBy(c => c.Id)
                .ToList();
            var group = reached.Count > 0 ? reached[0] : groups.Open(db, mine.First());
            foreach (var other in reached.Skip(1))
                if (groups.Merge(db, group, other))
                    movedNotes.Add((other.Id, group));
            foreach (var hit in mine)
            {
                if (!groups.HasKey(group, hit.Kind, hit.Key))
                    groups.AddKey(group, hit.Kind, hit.Key, KeyLabel(hit, incident), incident.Id);
                foreach (var (id, at) in hit.Earlier.Select(e => (e.Id, e.ReceivedAt)).Append((incident.Id, incident.ReceivedAt)))
                    groups.Take(group, id, at, hit.Kind, hit.Key);
            }
            incident.FlagRepeat();
            group.Counted(groups.Count(group));
            touched.Add(new Touch(group, incident, mine.Select(h => h.Kind).Distinct().ToList()));
        }
        // A group merged away later in the intake: its incidents' touches go to the group that took it.
        touched = touched.Select(t => t with { Cluster = groups.Survivor(t.Cluster) }).ToList();
        // The notes of a stored group merged away follow it, before the save deletes it (and, by cascade, them).
        foreach (var (from, to) in movedNotes)
        {
            var target = groups.Survivor(to).Id;
            await db.FocusNotes.Where(n => n.ClusterId == from).ExecuteUpdateAsync(u => u.SetProperty(n => n.ClusterId, target), ct);
        }
        return touched;
    }

    /// <summary>What a key is shown as: the address as first written (or the party), or the masked phone.</summary>
    private static string KeyLabel(Hit hit, Incident incident)
    {
        var firstAddress = hit.Earlier.Count > 0 ? hit.Earlier[^1].Address : incident.Address;
        return Label(
            hit.Kind,
            hit.Kind == RepeatClusterKind.Party ? hit.Label ?? firstAddress ?? incident.Address : firstAddress ?? incident.Address,
            incident.CallerPhoneMasked
        );
    }

    private static IEnumerable<(RepeatClusterKind Kind, string Key)> KeysOf(Incident incident)
    {
        if (!string.IsNullOrEmpty(incident.AddressKey))
            yield return (RepeatClusterKind.Address, incident.AddressKey);
        if (!string.IsNullOrEmpty(incident.CallerPhoneHash))
            yield return (RepeatClusterKind.Phone, incident.CallerPhoneHash);
        foreach (var key in incident.Parties.Select(p => p.PersonKey).Where(k => !string.IsNullOrEmpty(k)).Distinct())
            yield return (RepeatClusterKind.Party, key!);
    }

    /// <summary>The keys whose earlier incidents the check reads: the incident's own, and its parties' phones as callers.</summary>
    private static IEnumerable<(RepeatClusterKind Kind, string Key)> ReadKeysOf(Incident incident) =>
        KeysOf(incident)
            .Concat(
                incident
                    .Parties.Where(p => p.PersonKey is not null && p.PhoneHash is not null)
                    .Select(p => (RepeatClusterKind.Phone, p.PhoneHash!))
            );

    private static string PartyLabel(IncidentParty p) => $"当事人 {p.NameMasked ?? p.IdNumberMasked ?? p.PhoneMasked}";

    /// <summary>Valid incidents sharing an address key, a caller or a party with the intake, received from the window
    /// before its earliest incident to its latest (the intake's own incidents, saved already, among them), per key
    /// newest first; and for each incident whose caller's phone is that of a party named in an earlier valid incident
    /// within its window, the people it names that way (their other incidents in the window are read by a second statement,
    /// only when some caller was named). Of those
    /// received before a key's first incident in the intake only the newest <see cref="RepeatOptions.MaxEarlier"/> can
    /// ever be chosen, so only those are kept.</summary>
    private static async Task<(
        Dictionary<(RepeatClusterKind, string), List<Earlier>> ByKey,
        Dictionary<Guid, List<Named>> Named
    )> EarlierAsync(LianxinDbContext db, List<Incident> incoming, TimeSpan window, CancellationToken ct, bool block = false)
    {
        var since = (incoming[0].ReceivedAt - window).ToUniversalTime();
        var until = incoming[^1].ReceivedAt.ToUniversalTime();
        // The keys read in parts; none for the block path or a single incident, which read otherwise.
        List<string?[]> addresses = [];
        List<string[]> phones = [];
        List<string[]> people = [];
        List<string?[]> callers = [];
        var rows = new List<Earlier>();
        // One incident without parties (an entry by hand, a call from the 110 system): the same read as a compiled query,
        // so the statement is not rebuilt from its expression tree on every call.
        var single = incoming.Count == 1 && incoming[0].Parties.Count == 0 ? incoming[0] : null;
        if (block)
        {
            // Every read below, for the whole intake at once: its own incidents from memory, the stored ones by time.
            rows.AddRange(await BlockRowsAsync(db, incoming, since, until, ct));
        }
        else if (single is not null)
        {
            var (address, phone) = (single.AddressKey, single.CallerPhoneHash);
            var reads = OneReads.Of(db);
            var one =
                string.IsNullOrEmpty(address) ? reads.OnePhone(db, phone!, since, until)
                : string.IsNullOrEmpty(phone) ? reads.OneAddress(db, address, since, until)
                : reads.OneAddressAndPhone(db, address, phone, since, until);
            await foreach (var row in one.WithCancellation(ct))
                rows.Add(row);
        }
        else
        {
            addresses = incoming.Select(i => i.AddressKey).Where(k => !string.IsNullOrEmpty(k)).Distinct().Chunk(KeysPerRead).ToList();
            phones = incoming
                .SelectMany(ReadKeysOf)
                .Where(k => k.Kind == RepeatClusterKind.Phone)
                .Select(k => k.Key)
                .Distinct()
                .Chunk(KeysPerRead)
                .ToList();
            people = incoming
                .SelectMany(KeysOf)
                .Where(k => k.Kind == RepeatClusterKind.Party)
                .Select(k => k.Key)
                .Distinct()
                .Chunk(KeysPerRead)
                .ToList();
            callers = incoming.Select(i => i.CallerPhoneHash).Where(k => !string.IsNullOrEmpty(k)).Distinct().Chunk(KeysPerRead).ToList();
        }
        for (var part = 0; part < new[] { addresses.Count, phones.Count, people.Count, callers.Count }.Max(); part++)
        {
            IQueryable<Earlier>? query = null;
            if (part < addresses.Count)
            {
                var keys = addresses[part];
                query = db
                    .Incidents.AsNoTracking()
                    .Where(x =>
                        EF.Parameter(keys).Contains(x.AddressKey)
                        && x.ReceivedAt >= since
                        && x.ReceivedAt <= until
                        && x.Validity != IncidentValidity.Invalid
                    )
                    .Select(AsEarlier);
            }
            if (part < phones.Count)
            {
                var keys = phones[part];
                var byPhone = db
                    .Incidents.AsNoTracking()
                    .Where(x =>
                        EF.Parameter(keys).Contains(x.CallerPhoneHash)
                        && x.ReceivedAt >= since
                        && x.ReceivedAt <= until
                        && x.Validity != IncidentValidity.Invalid
                    )
                    .Select(AsEarlier);
                query = query is null ? byPhone : query.Concat(byPhone);
            }
            if (part < people.Count)
            {
                var byPerson = ByPerson(people[part]);
                query = query is null ? byPerson : query.Concat(byPerson);
            }
            if (part < callers.Count)
            {
                // Where the callers were named as parties (by phone, in the window): who, when and as what. Most callers
                // never were, so this is one index probe each; the other incidents naming those people are read after.
                var keys = callers[part];
                var byCalled = db
                    .IncidentParties.AsNoTracking()
                    .Where(p =>
                        EF.Parameter(keys).Contains(p.PhoneHash) && p.ReceivedAt >= since && p.ReceivedAt <= until && p.PersonKey != null
                    )
                    .Join(
                        db.Incidents.AsNoTracking().Where(x => x.Validity != IncidentValidity.Invalid),
                        p => p.IncidentId,
                        x => x.Id,
                        AsNaming
                    );
                query = query is null ? byCalled : query.Concat(byCalled);
            }
            rows.AddRange(await query!.ToListAsync(ct));
        }
        // The people some caller was named as, not already read as parties of the intake: every incident naming them in
        // the window fills their cluster (a second read only when a caller was named, which is rare).
        var read = people.SelectMany(k => k).ToHashSet(StringComparer.Ordinal);
        var discovered = rows.Where(r => !block && r.PartyPhoneHash is not null && r.PersonKey is not null)
            .Select(r => r.PersonKey!)
            .Where(k => !read.Contains(k))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var part in discovered.Chunk(KeysPerRead))
            rows.AddRange(await ByPerson(part).ToListAsync(ct));

        // Who each caller was named as: a party with the caller's phone in an earlier valid incident within the
        // incident's own window, as taking the incidents one by one would find; the newest naming gives the label.
        var links = rows.Where(r => r.PartyPhoneHash is not null && r.PersonKey is not null)
            .GroupBy(r => r.PartyPhoneHash!)
            .ToDictionary(
                g => g.Key,
                g =>
                    g.OrderByDescending(r => r.ReceivedAt)
                        .ThenByDescending(r => r.Id)
                        .ThenBy(r => r.PartyMasked, StringComparer.Ordinal)
                        .ToList()
            );
        var named = new Dictionary<Guid, List<Named>>();
        var first = new Dictionary<(RepeatClusterKind, string), DateTimeOffset>(2 * incoming.Count);
        foreach (var incident in incoming)
        {
            if (incident.Parties.Count == 0)
            {
                // Without parties its keys are its address and its caller (no iterator per incident of a large file).
                if (!string.IsNullOrEmpty(incident.AddressKey))
                    first.TryAdd((RepeatClusterKind.Address, incident.AddressKey), incident.ReceivedAt);
                if (!string.IsNullOrEmpty(incident.CallerPhoneHash))
                    first.TryAdd((RepeatClusterKind.Phone, incident.CallerPhoneHash), incident.ReceivedAt);
            }
            else
                foreach (var key in ReadKeysOf(incident))
                    first.TryAdd(key, incident.ReceivedAt);
            if (incident.CallerPhoneHash is not { } caller || !links.TryGetValue(caller, out var namings))
                continue;
            var from = incident.ReceivedAt - window;
            var persons = namings
                .Where(r => r.ReceivedAt <= incident.ReceivedAt && r.ReceivedAt >= from && r.Id != incident.Id)
                .GroupBy(r => r.PersonKey!)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Named(g.Key, g.First().PartyMasked is { } masked ? $"当事人 {masked}" : null))
                .ToList();
            if (persons.Count == 0)
                continue;
            named[incident.Id] = persons;
            foreach (var person in persons)
                first.TryAdd((RepeatClusterKind.Party, person.PersonKey), incident.ReceivedAt);
        }
        var byKey = new Dictionary<(RepeatClusterKind, string), List<Earlier>>(first.Count);
        foreach (var row in rows)
        {
            if (row.AddressKey is { Length: > 0 } a && first.ContainsKey((RepeatClusterKind.Address, a)))
                Add((RepeatClusterKind.Address, a), row);
            if (row.CallerPhoneHash is { Length: > 0 } p && first.ContainsKey((RepeatClusterKind.Phone, p)))
                Add((RepeatClusterKind.Phone, p), row);
            if (row.PersonKey is { Length: > 0 } k && first.ContainsKey((RepeatClusterKind.Party, k)))
                Add((RepeatClusterKind.Party, k), row);
        }
        foreach (var (key, list) in byKey)
        {
            // Most keys of a large intake have one incident (a flat or a phone that called once): nothing to order.
            if (list.Count == 1)
                continue;
            List<Earlier> distinct;
            if (Ascending(list))
            {
                // Read in time order already (a file's own incidents): newest first is the reverse, and no row repeats.
                distinct = [.. list];
                distinct.Reverse();
            }
            else
                distinct = list.DistinctBy(r => r.Id).OrderByDescending(r => r.ReceivedAt).ThenByDescending(r => r.Id).ToList();
            var start = first[key];
            var before = 0;
            list.Clear();
            foreach (var row in distinct)
                if (row.ReceivedAt >= start || ++before <= RepeatOptions.MaxEarlier)
                    list.Add(row);
        }
        return (byKey, named);

        IQueryable<Earlier> ByPerson(string[] keys) =>
            db
                .IncidentParties.AsNoTracking()
                .Where(p => EF.Parameter(keys).Contains(p.PersonKey) && p.ReceivedAt >= since && p.ReceivedAt <= until)
                .Join(
                    db.Incidents.AsNoTracking().Where(x => x.Validity != IncidentValidity.Invalid),
                    p => p.IncidentId,
                    x => x.Id,
                    AsPartyOf
                );

        // Strictly ascending by time, then id: sorted and without a row twice.
        static bool Ascending(List<Earlier> list)
        {
            for (var n = 1; n < list.Count; n++)
            {
                var (a, b) = (list[n - 1], list[n]);
                if (a.ReceivedAt > b.ReceivedAt || (a.ReceivedAt == b.ReceivedAt && a.Id.CompareTo(b.Id) >= 0))
                    return false;
            }
            return true;
        }

        void Add((RepeatClusterKind, string) key, Earlier row)
        {
            ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byKey, key, out _);
            (list ??= []).Add(row);
        }
    }

    /// <summary>An earlier incident read by its address or its caller.</summary>
    private static readonly Expression<Func<Incident, Earlier>> AsEarlier = x => new Earlier
    {
        Id = x.Id,
        ReceivedAt = x.ReceivedAt,
        AddressKey = x.AddressKey,
        CallerPhoneHash = x.CallerPhoneHash,
        Address = x.Address,
        PersonKey = null,
        PartyPhoneHash = null,
        PartyMasked = null,
    };

    /// <summary>An earlier incident read through a person it names.</summary>
    private static readonly Expression<Func<IncidentParty, Incident, Earlier>> AsPartyOf = (p, x) =>
        new Earlier
        {
            Id = x.Id,
            ReceivedAt = x.ReceivedAt,
            AddressKey = x.AddressKey,
            CallerPhoneHash = x.CallerPhoneHash,
            Address = x.Address,
            PersonKey = p.PersonKey,
            PartyPhoneHash = null,
            PartyMasked = null,
        };

    /// <summary>An earlier incident that named a caller's phone as a party: who, with that phone, and as what label.</summary>
    private static readonly Expression<Func<IncidentParty, Incident, Earlier>> AsNaming = (p, x) =>
        new Earlier
        {
            Id = x.Id,
            ReceivedAt = x.ReceivedAt,
            AddressKey = x.AddressKey,
            CallerPhoneHash = x.CallerPhoneHash,
            Address = x.Address,
            PersonKey = p.PersonKey,
            PartyPhoneHash = p.PhoneHash,
            PartyMasked = p.NameMasked ?? p.IdNumberMasked ?? p.PhoneMasked,
        };

    /// <summary>The reads of one incident's keys as compiled queries, so the statements are not rebuilt from their
    /// expression trees on every call. A compiled query is bound to the model it first ran with, so there is one set per
    /// model (the app has one; the tests run both databases in one process).</summary>
    private sealed class OneReads
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
            Microsoft.EntityFrameworkCore.Metadata.IModel,
            OneReads
        > ByModel = new();

        public static OneReads Of(LianxinDbContext db) => ByModel.GetValue(db.Model, _ => new OneReads());

        // The three reads of one incident without parties: the same branches as the general read with one key each.
        public readonly Func<LianxinDbContext, string, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<Earlier>> OneAddress =
            EF.CompileAsyncQuery(
                (LianxinDbContext db, string address, DateTimeOffset since, DateTimeOffset until) =>
                    db
                        .Incidents.AsNoTracking()
                        .Where(x =>
                            x.AddressKey == address
                            && x.ReceivedAt >= since
                            && x.ReceivedAt <= until
                            && x.Validity != IncidentValidity.Invalid
                        )
                        .Select(AsEarlier)
            );

        public readonly Func<LianxinDbContext, string, DateTimeOffset, DateTimeOffset, IAsyncEnumerable<Earlier>> OnePhone =
            EF.CompileAsyncQuery(
                (LianxinDbContext db, string phone, DateTimeOffset since, DateTimeOffset until) =>
                    db
                        .Incidents.AsNoTracking()
                        .Where(x =>
                            x.CallerPhoneHash == phone
                            && x.ReceivedAt >= since
                            && x.ReceivedAt <= until
                            && x.Validity != IncidentValidity.Invalid
                        )
                        .Select(AsEarlier)
                        .Concat(
                            db.IncidentParties.AsNoTracking()
                                .Where(p => p.PhoneHash == phone && p.ReceivedAt >= since && p.ReceivedAt <= until && p.PersonKey != null)
                                .Join(
                                    db.Incidents.AsNoTracking().Where(x => x.Validity != IncidentValidity.Invalid),
                                    p => p.IncidentId,
                                    x => x.Id,
                                    AsNaming
                                )
                        )
            );

        public readonly Func<
            LianxinDbContext,
            string,
            string,
            DateTimeOffset,
            DateTimeOffset,
            IAsyncEnumerable<Earlier>
        > OneAddressAndPhone = EF.CompileAsyncQuery(
            (LianxinDbContext db, string address, string phone, DateTimeOffset since, DateTimeOffset until) =>
                db
                    .Incidents.AsNoTracking()
                    .Where(x =>
                        x.AddressKey == address && x.ReceivedAt >= since && x.ReceivedAt <= until && x.Validity != IncidentValidity.Invalid
                    )
                    .Select(AsEarlier)
                    .Concat(
                        db.Incidents.AsNoTracking()
                            .Where(x =>
                                x.CallerPhoneHash == phone
                                && x.ReceivedAt >= since
                                && x.ReceivedAt <= until
                                && x.Validity != IncidentValidity.Invalid
                            )
                            .Select(AsEarlier)
                    )
                    .Concat(
                        db.IncidentParties.AsNoTracking()
                            .Where(p => p.PhoneHash == phone && p.ReceivedAt >= since && p.ReceivedAt <= until && p.PersonKey != null)
                            .Join(
                                db.Incidents.AsNoTracking().Where(x => x.Validity != IncidentValidity.Invalid),
                                p => p.IncidentId,
                                x => x.Id,
                                AsNaming
                            )
                    )
        );

        /// <summary>The open groups holding either of at most two keys or any of the incidents given, with their members
        /// and keys, tracked. Each condition is an uncorrelated IN over its own index ((Kind, Key) of the keys, IncidentId of
        /// the members), so the database looks the few groups up rather than testing every open group.</summary>
        public readonly Func<
            LianxinDbContext,
            RepeatClusterKind,
            string,
            RepeatClusterKind,
            string,
            Guid[],
            DateTimeOffset,
            IAsyncEnumerable<RepeatCluster>
        > OpenOfOrHolding = EF.CompileAsyncQuery(
            (
                LianxinDbContext db,
                RepeatClusterKind k1,
                string key1,
                RepeatClusterKind k2,
                string key2,
                Guid[] incidents,
                DateTimeOffset since
            ) =>
                db
                    .RepeatClusters.Include(c => c.Members)
                    .Include(c => c.Keys)
                    .Where(c =>
                        c.LastAt >= since
                        && (
                            db.RepeatClusterKeys.Where(k => (k.Kind == k1 && k.Key == key1) || (k.Kind == k2 && k.Key == key2))
                                .Select(k => k.ClusterId)
                                .Contains(c.Id)
                            || db.RepeatClusterMembers.Where(m => incidents.Contains(m.IncidentId)).Select(m => m.ClusterId).Contains(c.Id)
                        )
                    )
        );
    }

    /// <summary>The open groups the hits can reach, tracked (the intake extends them): those holding a key that met the
    /// rule, then those holding an incident the hits repeat (or, on a re-check, the incident itself) that the first read
    /// did not find; with the ones the same intake read or opened before. For a large intake the members are read as
    /// rows, not tracked: a group of a troubled household holds hundreds, each part would compare them all again, and
    /// only their ids and keys are needed.</summary>
    private static async Task<Groups> OpenGroupsAsync(
        LianxinDbContext db,
        List<Hit> hits,
        bool large,
        bool recheck,
        TimeSpan window,
        CancellationToken ct,
        bool block = false
    )
    {
        var since = (hits.Min(h => h.Incident.ReceivedAt) - window).ToUniversalTime();
        var pairs = hits.Select(h => (h.Kind, h.Key)).Distinct().ToList();
        if (block)
            return await BlockGroupsAsync(db, hits, pairs, large, recheck, since, ct);
        // The incidents the hits repeat (or, on a re-check, the incident itself): the groups holding them are read too.
        var repeated = hits.SelectMany(h => h.Earlier.Select(e => e.Id)).Concat(recheck ? hits.Select(h => h.Incident.Id) : []).Distinct();
        List<RepeatCluster>? holding = null;
        if (!large && pairs.Count <= 2)
        {
            // At most two keys (one incident by hand or from the 110 system): the groups of the keys and the groups holding
            // the incidents repeated, in one compiled statement (one round trip instead of two, none rebuilt per call).
            var (k1, key1) = pairs[0];
            var (k2, key2) = pairs[^1];
            holding = [];
            await foreach (var c in OneReads.Of(db).OpenOfOrHolding(db, k1, key1, k2, key2, [.. repeated], since).WithCancellation(ct))
                holding.Add(c);
        }
        else
        {
            var addresses = pairs.Where(h => h.Kind == RepeatClusterKind.Address).Select(h => h.Key).Chunk(KeysPerRead).ToList();
            var phones = pairs.Where(h => h.Kind == RepeatClusterKind.Phone).Select(h => h.Key).Chunk(KeysPerRead).ToList();
            var people = pairs.Where(h => h.Kind == RepeatClusterKind.Party).Select(h => h.Key).Chunk(KeysPerRead).ToList();
            for (var part = 0; part < Math.Max(Math.Max(addresses.Count, phones.Count), people.Count); part++)
            {
                var a = part < addresses.Count ? addresses[part] : [];
                var p = part < phones.Count ? phones[part] : [];
                var m = part < people.Count ? people[part] : [];
                var query = db.RepeatClusters.Where(c =>
                    c.LastAt >= since
                    && c.Keys.Any(k =>
                        (k.Kind == RepeatClusterKind.Address && EF.Parameter(a).Contains(k.Key))
                        || (k.Kind == RepeatClusterKind.Phone && EF.Parameter(p).Contains(k.Key))
                        || (k.Kind == RepeatClusterKind.Party && EF.Parameter(m).Contains(k.Key))
                    )
                );
                await (large ? query.Include(c => c.Keys) : query.Include(c => c.Members).Include(c => c.Keys)).LoadAsync(ct);
            }
        }
        var groups = new Groups();
        var keys = pairs.ToHashSet();
        await groups.RegisterAsync(
            db,
            db.RepeatClusters.Local.Where(c => c.LastAt >= since && c.Keys.Any(k => keys.Contains((k.Kind, k.Key)))).ToList(),
            large,
            ct
        );

        // Incidents the hits repeat that a group holds under another key (A and B share an address, B and C a phone).
        var wanted = repeated.Where(id => !groups.Holds(id)).ToList();
        if (holding is not null)
        {
            // Read with the keys' groups: of those, the ones holding an incident no key's group holds, as the read below takes.
            var unheld = wanted.ToHashSet();
            await groups.RegisterAsync(db, holding.Where(c => c.Members.Any(m => unheld.Contains(m.IncidentId))).ToList(), large, ct);
            return groups;
        }
        foreach (var part in wanted.Chunk(KeysPerRead))
        {
            var query = db.RepeatClusters.Where(c => c.LastAt >= since && c.Members.Any(m => EF.Parameter(part).Contains(m.IncidentId)));
            var found = await (large ? query.Include(c => c.Keys) : query.Include(c => c.Members).Include(c => c.Keys)).ToListAsync(ct);
            await groups.RegisterAsync(db, found, large, ct);
        }
        return groups;
    }

    /// <summary>The open groups of one check and what each holds (its members by the key they joined, its keys), with
    /// the groups merged away and the ones that took them.</summary>
    private sealed class Groups
    {
        private readonly Dictionary<(RepeatClusterKind, string), List<RepeatCluster>> _byKey = [];
        private readonly Dictionary<Guid, List<RepeatCluster>> _holding = [];
        private readonly Dictionary<Guid, Dictionary<Guid, (RepeatClusterKind? Kind, string? Key)>> _members = [];
        private readonly Dictionary<Guid, RepeatCluster> _mergedInto = [];

        /// <summary>Adds groups read from the database or tracked already; their stored members are read as rows for a
        /// large intake, where they are not tracked.</summary>
        public async Task RegisterAsync(
            LianxinDbContext db,
            IReadOnlyList<RepeatCluster> found,
            bool large,
            CancellationToken ct,
            IReadOnlyDictionary<Guid, List<StoredMember>>? members = null
        )
        {
            var fresh = found.Where(c => !_members.ContainsKey(c.Id) && !_mergedInto.ContainsKey(c.Id)).Distinct().ToList();
            foreach (var c in fresh)
            {
                _members[c.Id] = [];
                foreach (var k in c.Keys)
                    Index((k.Kind, k.Key), c);
                foreach (var m in c.Members)
                    Hold(c, m.IncidentId, m.JoinedKind, m.JoinedKey);
            }
            if (!large)
                return;
            var stored = fresh.Where(c => db.Entry(c).State != EntityState.Added).Select(c => c.Id).ToList();
            if (members is not null)
            {
                // The block read every open group's members at once.
                var of = fresh.ToDictionary(c => c.Id);
                foreach (var id in stored)
                foreach (var row in members.GetValueOrDefault(id) ?? [])
                    Hold(of[id], row.IncidentId, row.JoinedKind, row.JoinedKey);
                return;
            }
            foreach (var part in stored.Chunk(KeysPerRead))
            {
                var rows = await db
                    .RepeatClusterMembers.AsNoTracking()
                    .Where(x => EF.Parameter(part).Contains(x.ClusterId))
                    .Select(x => new
                    {
                        x.ClusterId,
                        x.IncidentId,
                        x.JoinedKind,
                        x.JoinedKey,
                    })
                    .ToListAsync(ct);
                var byId = fresh.ToDictionary(c => c.Id);
                foreach (var row in rows)
                    Hold(byId[row.ClusterId], row.IncidentId, row.JoinedKind, row.JoinedKey);
            }
        }

        public bool Holds(Guid incident) => _holding.TryGetValue(incident, out var l) && l.Count > 0;

        public IEnumerable<RepeatCluster> ByKey((RepeatClusterKind, string) key) => _byKey.TryGetValue(key, out var l) ? l : [];

        public IEnumerable<RepeatCluster> Holding(Guid incident) => _holding.TryGetValue(incident, out var l) ? l : [];

        public int Count(RepeatCluster c) => _members[c.Id].Count;

        public RepeatCluster Survivor(RepeatCluster c)
        {
            while (_mergedInto.TryGetValue(c.Id, out var s))
                c = s;
            return c;
        }

        /// <summary>A new group for the incident of the hit (added to the context), opened by the hit's key.</summary>
        public RepeatCluster Open(LianxinDbContext db, Hit hit)
        {
            var incident = hit.Incident;
            var firstAt = hit.Earlier.Count > 0 ? hit.Earlier[^1].ReceivedAt : incident.ReceivedAt;
            var c = RepeatCluster.Open(
                hit.Kind,
                hit.Key,
                KeyLabel(hit, incident),
                incident.OrgUnitId,
                incident.CategoryCode,
                firstAt,
                incident.ReceivedAt.ToUniversalTime()
            );
            db.RepeatClusters.Add(c);
            _members[c.Id] = [];
            return c;
        }

        public bool HasKey(RepeatCluster c, RepeatClusterKind kind, string key) => c.Keys.Any(k => k.Kind == kind && k.Key == key);

        public void AddKey(RepeatCluster c, RepeatClusterKind kind, string key, string label, Guid incident)
        {
            c.AddKey(kind, key, label, incident);
            Index((kind, key), c);
        }

        /// <summary>Adds the incident to the group, joined by the key given, unless it holds it already.</summary>
        public void Take(RepeatCluster c, Guid incident, DateTimeOffset at, RepeatClusterKind kind, string key)
        {
            if (_members[c.Id].ContainsKey(incident))
                return;
            c.Take(incident, at, kind, key);
            Hold(c, incident, kind, key);
        }

        /// <summary>Merges <paramref name="other"/> into <paramref name="survivor"/>: its members (by the keys they joined
        /// with), keys, span, focus-list state and dispute; then removes it. True when it was stored (its notes are to
        /// follow it).</summary>
        public bool Merge(LianxinDbContext db, RepeatCluster survivor, RepeatCluster other)
        {
            survivor.Absorb(other);
            foreach (var k in other.Keys.ToList())
                if (!HasKey(survivor, k.Kind, k.Key))
                    AddKey(survivor, k.Kind, k.Key, k.Label, k.IncidentId);
            foreach (var (incident, joined) in _members[other.Id])
                if (!_members[survivor.Id].ContainsKey(incident))
                {
                    survivor.Adopt(incident, joined.Kind, joined.Key);
                    Hold(survivor, incident, joined.Kind, joined.Key);
                }
            foreach (var k in other.Keys)
                if (_byKey.TryGetValue((k.Kind, k.Key), out var l))
                    l.Remove(other);
            foreach (var incident in _members[other.Id].Keys)
                _holding[incident].Remove(other);
            _mergedInto[other.Id] = survivor;
            var stored = db.Entry(other).State != EntityState.Added;
            // What this intake added to it goes with it unsaved; what was stored is deleted with it (by cascade).
            foreach (var m in other.Members.Where(m => db.Entry(m).State == EntityState.Added).ToList())
            {
                db.Entry(m).State = EntityState.Detached;
                other.Members.Remove(m);
            }
            foreach (var k in other.Keys.Where(k => db.Entry(k).State == EntityState.Added).ToList())
            {
                db.Entry(k).State = EntityState.Detached;
                other.Keys.Remove(k);
            }
            if (stored)
                db.RepeatClusters.Remove(other);
            else
                db.Entry(other).State = EntityState.Detached;
            return stored;
        }

        private void Index((RepeatClusterKind, string) key, RepeatCluster c)
        {
            if (!_byKey.TryGetValue(key, out var l))
                _byKey[key] = l = [];
            if (!l.Contains(c))
                l.Add(c);
        }

        private void Hold(RepeatCluster c, Guid incident, RepeatClusterKind? kind, string? key)
        {
            if (!_members[c.Id].TryAdd(incident, (kind, key)))
                return;
            if (!_holding.TryGetValue(incident, out var l))
                _holding[incident] = l = [];
            l.Add(c);
        }
    }

    /// <summary>What the officers are to be told about one intake (or all parts of one): the message per incident
    /// while there are few, and for each officer the flagged incidents in their places and their clusters.</summary>
    private sealed class Notices
    {
        public List<(string Officer, string Title, string Body, string Link)>? PerIncident { get; set; } = [];
        public HashSet<Guid> Flagged { get; } = [];
        public Dictionary<string, (HashSet<Guid> Incidents, HashSet<Guid> Clusters)> ByOfficer { get; } = [];

        /// <summary>The community officers over each unit, read once per intake (not once per part).</summary>
        public Dictionary<Guid, List<string>> OfficersOf { get; } = [];

        /// <summary>Clusters the intake opened, and clusters opened before it that it added to.</summary>
        private readonly HashSet<Guid> _opened = [];
        private readonly HashSet<Guid> _grown = [];

        public void CountClusters(LianxinDbContext db, IReadOnlyList<Touch> touched)
        {
            foreach (var cluster in touched.Select(t => t.Cluster).Distinct())
                (db.Entry(cluster).State == EntityState.Added ? _opened : _grown).Add(cluster.Id);
        }

        /// <summary>Queues the intake's one audit line for its clusters, with the counts of each kind of change.</summary>
        public void AuditClusters(LianxinDbContext db)
        {
            _grown.ExceptWith(_opened);
            if (_opened.Count + _grown.Count > 0)
                db.Audit(
                    Audit.AuditAction.Import,
                    nameof(RepeatCluster),
                    null,
                    $"导入后重复警情聚类：新建 {_opened.Count} 个，更新 {_grown.Count} 个"
                );
        }
    }

    /// <summary>The community officers over each flagged incident's place are to be told: one message per officer and
    /// incident however many clusters it joined; when more than <see cref="RepeatOptions.DigestAbove"/> of the
    /// intake's incidents were flagged, one summary per officer of those in their places and their clusters instead.</summary>
    private static async Task CollectAsync(
        LianxinDbContext db,
        IReadOnlyList<Incident> added,
        IReadOnlyList<Touch> touched,
        RepeatOptions rule,
        Notices notices,
        CancellationToken ct
    )
    {
        async Task<List<string>> OfficersAsync(Guid unit)
        {
            if (!notices.OfficersOf.TryGetValue(unit, out var officers))
                notices.OfficersOf[unit] = officers = await IncidentPeople.AboveWithRoleAsync(db, unit, BuiltInRoles.CommunityOfficer, ct);
            return officers;
        }

        // The intake's incidents each cluster holds: the one that joined and those of the intake it took in as earlier ones.
        var mine = added.Select(i => i.Id).ToHashSet();
        var clusters = touched
            .Select(t => t.Cluster)
            .Distinct()
            .Select(c => (Cluster: c, Incidents: c.Members.Select(m => m.IncidentId).Where(mine.Contains).ToList()))
            .ToList();
        foreach (var (cluster, incidents) in clusters)
        {
            notices.Flagged.UnionWith(incidents);
            foreach (var officer in await OfficersAsync(cluster.OrgUnitId))
            {
                if (!notices.ByOfficer.TryGetValue(officer, out var theirs))
                    notices.ByOfficer[officer] = theirs = ([], []);
                theirs.Incidents.UnionWith(incidents);
                theirs.Clusters.Add(cluster.Id);
            }
        }
        // Past the digest threshold only the summary is sent: the messages per incident are no longer kept.
        if (notices.Flagged.Count > rule.DigestAbove)
            notices.PerIncident = null;
        if (notices.PerIncident is not { } perIncident)
            return;
        // One message per incident and officer, saying what joined it to its group: "第 3 次，同一地址、同一报警电话".
        foreach (var (cluster, incident, kinds) in touched.DistinctBy(t => t.Incident.Id))
        {
            var why = string.Join("、", kinds.Order().Select(k => k.Label()));
            foreach (var officer in await OfficersAsync(cluster.OrgUnitId))
                perIncident.Add(
                    (
                        officer,
                        $"重复警情：{cluster.Label}",
                        $"警情 {incident.Number}（{incident.ReceivedAt.ToOffset(ChinaTime.Offset):MM-dd HH:mm}）"
                            + $"：第 {cluster.IncidentCount} 次，{why}（{rule.WindowDays} 天内），请研判是否纳入重点关注或转为纠纷化解。",
                        $"/incidents/clusters?open={cluster.Id}"
                    )
                );
        }
    }

    private async Task SendAsync(Notices notices, RepeatOptions rule, CancellationToken ct)
    {
        if (notices.PerIncident is { } perIncident)
        {
            foreach (var (officer, title, body, link) in perIncident)
                await notifications.SendAsync(officer, title, body, link, "warning", ct: ct);
            return;
        }
        foreach (var (officer, theirs) in notices.ByOfficer)
            await notifications.SendAsync(
                officer,
                $"重复警情汇总：本次新增 {theirs.Incidents.Count} 起重复警情",
                $"本次录入的警情中有 {theirs.Incidents.Count} 起为重复报警（{rule.WindowDays} 天内同一地址、同一报警电话或同一当事人 {rule.MinCount} 次及以上），"
                    + $"涉及 {theirs.Clusters.Count} 组重复警情，请到重复警情页逐组研判是否纳入重点关注或转为纠纷化解。",
                "/incidents/clusters",
                "warning",
                ct: ct
            );
    }

    private static string Label(RepeatClusterKind kind, string? address, string? maskedPhone)
    {
        var text = kind switch
        {
            RepeatClusterKind.Address or RepeatClusterKind.Party => address ?? "",
            _ => $"报警电话 {maskedPhone}",
        };
        return text.Length > Common.TextLimits.Address ? text[..Common.TextLimits.Address] : text;
    }
}
