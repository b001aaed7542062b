using System.Runtime.InteropServices;
using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Flags decided before a file's parts are written. The check proper runs after the last part; every incident it
/// flags that was written unflagged is written a second time (one in five of a file where households call again and
/// again). Most of them are known before their part is written: an incident with an earlier one of the same file at its
/// address or from its phone within the window meets the rule whatever else is stored, and so do the earlier ones of the
/// same part it takes into its group. Those are written flagged; after the check only the difference is written (the
/// first incident of a group whose second came in a later part, and, rarely, one flagged early whose partner turned
/// out to be a number stored already). The flags stored are exactly the check's.</summary>
public sealed partial class RepeatCheck
{
    /// <summary>Before a part of a file is written: flags those of its incidents that meet the rule with the file's own
    /// incidents, so they are written flagged.</summary>
    public void OnPartWriting(LianxinDbContext db, IReadOnlyList<Incident> part)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(part);
        Parts(db).Early.Decide(part, options.Value);
    }

    /// <summary>The file's own incidents so far by address and by phone, with their times, and the incidents flagged before
    /// they were written. An address or phone that called once holds one slot and no list.</summary>
    private sealed class EarlyFlags
    {
        private readonly Dictionary<string, Slot> _addresses = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Slot> _phones = new(StringComparer.Ordinal);

        /// <summary>The parts decided and not settled yet: the one being written (by another thread) and the next.</summary>
        private readonly Queue<List<(Incident Incident, string? Address, string? Phone)>> _pending = [];

        /// <summary>The incidents of the pending parts that were written.</summary>
        private readonly HashSet<Guid> _stored = [];
        private readonly Lock _lock = new();

        /// <summary>The incidents written flagged.</summary>
        public HashSet<Guid> Flagged { get; } = [];

        private struct Slot
        {
            public Entry First;
            public List<Entry>? All;
            public bool Unsorted;
        }

        private readonly record struct Entry(long At, Guid Id) : IComparable<Entry>
        {
            public int CompareTo(Entry other) => At != other.At ? At.CompareTo(other.At) : Id.CompareTo(other.Id);
        }

        public void Decide(IReadOnlyList<Incident> part, RepeatOptions rule)
        {
            lock (_lock)
            {
                // The part before the one being written is written in full by now.
                if (_pending.Count > 1)
                    Settle(_pending.Dequeue());
                var window = TimeSpan.FromDays(rule.WindowDays).Ticks;
                List<(Incident Incident, string? Address, string? Phone)> writing = part.Where(i => i.Validity != IncidentValidity.Invalid)
                    .Select(i =>
                        (
                            i,
                            string.IsNullOrEmpty(i.AddressKey) ? null : i.AddressKey,
                            string.IsNullOrEmpty(i.CallerPhoneHash) ? null : i.CallerPhoneHash
                        )
                    )
                    .ToList();
                _pending.Enqueue(writing);
                foreach (var (incident, address, phone) in writing)
                {
                    var entry = new Entry(incident.ReceivedAt.UtcTicks, incident.Id);
                    if (address is not null)
                        Add(_addresses, address, entry);
                    if (phone is not null)
                        Add(_phones, phone, entry);
                }
                var byId = writing.ToDictionary(w => w.Incident.Id, w => w.Incident);
                foreach (var (incident, address, phone) in writing)
                {
                    var at = new Entry(incident.ReceivedAt.UtcTicks, incident.Id);
                    if (address is not null)
                        Meet(_addresses, address, at, incident, byId, window, rule.MinCount);
                    if (phone is not null)
                        Meet(_phones, phone, at, incident, byId, window, rule.MinCount);
                }
            }
        }

        /// <summary>The incidents of a part that were stored (handed to the steps, possibly in chunks).</summary>
        public void Written(IReadOnlyList<Incident> written)
        {
            lock (_lock)
            {
                if (_pending.Count == 0)
                    return;
                foreach (var incident in written)
                    _stored.Add(incident.Id);
            }
        }

        /// <summary>Those of a written part that were not written (their numbers were stored already) are no longer
        /// counted as the file's.</summary>
        private void Settle(List<(Incident Incident, string? Address, string? Phone)> part)
        {
            foreach (var (incident, address, phone) in part)
            {
                if (_stored.Remove(incident.Id))
                    continue;
                var entry = new Entry(incident.ReceivedAt.UtcTicks, incident.Id);
                if (address is not null)
                    Remove(_addresses, address, entry);
                if (phone is not null)
                    Remove(_phones, phone, entry);
            }
        }

        private static void Add(Dictionary<string, Slot> index, string key, Entry entry)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(index, key, out var exists);
            if (!exists)
            {
                slot.First = entry;
                return;
            }
            slot.All ??= [slot.First];
            if (entry.CompareTo(slot.All[^1]) < 0)
                slot.Unsorted = true;
            slot.All.Add(entry);
        }

        private static void Remove(Dictionary<string, Slot> index, string key, Entry entry)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(index, key);
            if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slot))
                return;
            if (slot.All is null)
            {
                if (slot.First == entry)
                    index.Remove(key);
                return;
            }
            slot.All.Remove(entry);
            if (slot.All.Count == 0)
                index.Remove(key);
        }

        /// <summary>When the incident has enough of the file's incidents before it within the window at the key, it is
        /// flagged, and so are the earlier ones it takes into its group (the newest, up to the check's cap) that are being
        /// written with it.</summary>
        private void Meet(
            Dictionary<string, Slot> index,
            string key,
            Entry at,
            Incident incident,
            Dictionary<Guid, Incident> writing,
            long window,
            int minCount
        )
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(index, key);
            if (slot.All is not { } all)
                return;
            if (slot.Unsorted)
            {
                all.Sort();
                slot.Unsorted = false;
            }
            // The last entry at or before the incident's time (equal times count, as in the check), and the first in the window.
            var last = UpperBound(all, at.At) - 1;
            var first = UpperBound(all, at.At - window - 1);
            if (last - first < minCount - 1)
                return;
            Flag(incident);
            var taken = 0;
            for (var n = last; n >= first && taken < RepeatOptions.MaxEarlier; n--)
            {
                if (all[n].Id == at.Id)
                    continue;
                taken++;
                if (writing.TryGetValue(all[n].Id, out var earlier))
                    Flag(earlier);
            }
        }

        /// <summary>An incident whose stage does not take the flag (none does today) is left to the check.</summary>
        private void Flag(Incident incident)
        {
            if (IncidentTransitions.IsAllowed(incident.Stage, IncidentAction.FlagRepeat) && Flagged.Add(incident.Id))
                incident.FlagRepeat();
        }

        /// <summary>The index of the first entry later than <paramref name="ticks"/>.</summary>
        private static int UpperBound(List<Entry> all, long ticks)
        {
            int lo = 0,
                hi = all.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (all[mid].At <= ticks)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            return lo;
        }
    }
}
