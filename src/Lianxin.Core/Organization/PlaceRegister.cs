using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>Looks places up in the register of residents: the unit an address belongs to is the unit of the
/// residents registered at it. Shared by dispute registration and incident placement.</summary>
public static class PlaceRegister
{
    /// <summary>The shortest key worth matching: anything shorter ("三组") names too many places.</summary>
    public const int MinKeyLength = 4;

    /// <summary>How many leading parts go into one query; a longer list is asked in several.</summary>
    internal const int PrefixesPerQuery = 5000;

    /// <summary>The unit of the residents registered at an address key, or at the longest leading part of it
    /// ("三组5号门前" still finds "三组5号"); among equally long matches the unit with the most residents, and
    /// among those the lowest id, so the answer never depends on the order the database returns rows in.
    /// Null when nothing matches. <paramref name="residents"/> is already narrowed to what may be searched.</summary>
    public static async Task<Guid?> UnitForAddressKeyAsync(IQueryable<Resident> residents, string key, CancellationToken ct) =>
        (await UnitsForAddressKeysAsync(residents, [key], ct)).TryGetValue(key, out var unit) ? unit : null;

    /// <summary>The same answer as <see cref="UnitForAddressKeyAsync"/> for many keys at once, from one query
    /// (a few for very long lists) instead of one per key. Keys without a match are absent from the result.</summary>
    public static async Task<Dictionary<string, Guid>> UnitsForAddressKeysAsync(
        IQueryable<Resident> residents,
        IEnumerable<string> keys,
        CancellationToken ct
    )
    {
        var wanted = keys.Where(k => k.Length >= MinKeyLength).Distinct(StringComparer.Ordinal).ToList();
        var prefixes = wanted
            .SelectMany(k => Enumerable.Range(MinKeyLength, k.Length - MinKeyLength + 1).Select(n => k[..n]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        // Residents per registered key and unit.
        var registered = new Dictionary<string, List<(Guid Unit, int Count)>>(StringComparer.Ordinal);
        foreach (var part in prefixes.Chunk(PrefixesPerQuery))
        {
            var hits = await residents
                .AsNoTracking()
                .Where(r => r.AddressKey != null && EF.Parameter(part).Contains(r.AddressKey))
                .GroupBy(r => new { r.AddressKey, r.OrgUnitId })
                .Select(g => new
                {
                    g.Key.AddressKey,
                    g.Key.OrgUnitId,
                    Count = g.Count(),
                })
                .ToListAsync(ct);
            foreach (var h in hits)
            {
                if (!registered.TryGetValue(h.AddressKey!, out var units))
                    registered[h.AddressKey!] = units = [];
                units.Add((h.OrgUnitId, h.Count));
            }
        }

        return Resolve(registered, wanted);
    }

    /// <summary>Most registered keys (with their units) read into memory for <see cref="LoadAsync"/>; a larger
    /// register is asked per list of keys instead.</summary>
    public const int LoadedKeysMax = 300_000;

    /// <summary>The whole register of <paramref name="residents"/> (residents per key and unit), for a caller with
    /// tens of thousands of keys to place (a file import): one read instead of one per part, and every leading part
    /// of every key matched in memory. Null when the register holds more than <see cref="LoadedKeysMax"/> keys.</summary>
    public static async Task<LoadedRegister?> LoadAsync(IQueryable<Resident> residents, CancellationToken ct)
    {
        var rows = await residents
            .AsNoTracking()
            .Where(r => r.AddressKey != null)
            .GroupBy(r => new { r.AddressKey, r.OrgUnitId })
            .Select(g => new
            {
                g.Key.AddressKey,
                g.Key.OrgUnitId,
                Count = g.Count(),
            })
            .Take(LoadedKeysMax + 1)
            .ToListAsync(ct);
        if (rows.Count > LoadedKeysMax)
            return null;
        var registered = new Dictionary<string, List<(Guid Unit, int Count)>>(StringComparer.Ordinal);
        foreach (var h in rows)
        {
            if (!registered.TryGetValue(h.AddressKey!, out var units))
                registered[h.AddressKey!] = units = [];
            units.Add((h.OrgUnitId, h.Count));
        }
        return new LoadedRegister(registered);
    }

    /// <summary>A register read whole by <see cref="LoadAsync"/>: the same answers as <see cref="UnitsForAddressKeysAsync"/>
    /// for the register as it was read.</summary>
    public sealed class LoadedRegister
    {
        private readonly Dictionary<string, List<(Guid Unit, int Count)>> _registered;

        internal LoadedRegister(Dictionary<string, List<(Guid Unit, int Count)>> registered) => _registered = registered;

        public bool IsEmpty => _registered.Count == 0;

        public Dictionary<string, Guid> UnitsFor(IEnumerable<string> keys) =>
            Resolve(_registered, keys.Where(k => k.Length >= MinKeyLength).Distinct(StringComparer.Ordinal));
    }

    /// <summary>For each key, the unit of its longest registered leading part (most residents, then lowest id).</summary>
    private static Dictionary<string, Guid> Resolve(Dictionary<string, List<(Guid Unit, int Count)>> registered, IEnumerable<string> wanted)
    {
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (registered.Count == 0)
            return result;
        var lookup = registered.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var key in wanted)
        {
            for (var n = key.Length; n >= MinKeyLength; n--)
            {
                if (lookup.TryGetValue(key.AsSpan(0, n), out var units))
                {
                    result[key] = units.OrderByDescending(u => u.Count).ThenBy(u => u.Unit).First().Unit;
                    break;
                }
            }
        }
        return result;
    }
}
