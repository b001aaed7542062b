using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>Looks places up in the register of residents: the unit an address belongs to is the unit of the
/// residents registered at it. Shared by dispute registration and incident placement.</summary>
public static class PlaceRegister
{
    /// <summary>The shortest key worth matching: anything shorter ("三组") names too many places.</summary>
    public const int MinKeyLength = 4;

    /// <summary>The unit of the residents registered at an address key, or at the longest leading part of it
    /// ("三组5号门前" still finds "三组5号"); among equally long matches the unit with the most residents.
    /// Null when nothing matches. <paramref name="residents"/> is already narrowed to what may be searched.</summary>
    public static async Task<Guid?> UnitForAddressKeyAsync(IQueryable<Resident> residents, string key, CancellationToken ct)
    {
        if (key.Length < MinKeyLength) return null;
        var prefixes = Enumerable.Range(MinKeyLength, key.Length - MinKeyLength + 1).Select(n => key[..n]).ToList();
        var hits = await residents.AsNoTracking()
            .Where(r => r.AddressKey != null && prefixes.Contains(r.AddressKey))
            .GroupBy(r => new { r.AddressKey, r.OrgUnitId })
            .Select(g => new { g.Key.AddressKey, g.Key.OrgUnitId, Count = g.Count() })
            .Take(200).ToListAsync(ct);
        return hits.OrderByDescending(h => h.AddressKey!.Length).ThenByDescending(h => h.Count).Select(h => (Guid?)h.OrgUnitId).FirstOrDefault();
    }
}
