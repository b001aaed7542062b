using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Upkeep;

/// <summary>
/// Gives incidents stored before the caller-name blind index existed their index, so the ledger's search by caller
/// name finds them too. Reads in id order in chunks; each chunk decrypts its names, computes the index exactly as
/// intake does (<see cref="PersonalDataProtector.Protect"/> of the name as stored) and writes it in its own
/// transaction, only where it is still empty, and without touching the row's version (a user editing the incident
/// meanwhile is not refused). A stopped run leaves finished chunks done; the next run finds only what is left.
/// </summary>
public static class CallerNameIndexFill
{
    public const int DefaultChunk = 1000;

    /// <summary>Fills every missing index; returns how many incidents were given one.</summary>
    public static async Task<int> RunAsync(
        LianxinDbContext db,
        PersonalDataProtector protector,
        int chunk = DefaultChunk,
        CancellationToken ct = default
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunk, 1);
        var filled = 0;
        var after = Guid.Empty;
        while (true)
        {
            var rows = await db
                .Incidents.AsNoTracking()
                .Where(i => i.CallerNameHash == null && i.CallerNameCipher != null && i.Id.CompareTo(after) > 0)
                .OrderBy(i => i.Id)
                .Select(i => new { i.Id, i.CallerNameCipher })
                .Take(chunk)
                .ToListAsync(ct);
            if (rows.Count == 0)
                return filled;
            after = rows[^1].Id;
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in rows)
            {
                string name;
                try
                {
                    name = protector.Decrypt(row.CallerNameCipher!);
                }
                catch (System.Security.Cryptography.CryptographicException)
                {
                    // Written under another key: nothing to index from; the row keeps its other fields searchable.
                    continue;
                }
                if (name.Length == 0)
                    continue;
                var hash = protector.BlindIndex(name);
                filled += await db
                    .Incidents.Where(i => i.Id == row.Id && i.CallerNameHash == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.CallerNameHash, hash), ct);
            }
            await tx.CommitAsync(ct);
        }
    }
}
