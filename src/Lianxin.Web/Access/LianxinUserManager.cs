using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>Identity's user manager, keeping the password history: whenever an account is saved with a new
/// password hash (change, reset, command line), the hash it replaces is kept in the same save, and only the
/// newest <see cref="PasswordHistoryEntry.Remembered"/> − 1 are kept (<see cref="PasswordHistoryValidator"/>
/// checks them with the current one).</summary>
public sealed class LianxinUserManager(
    IUserStore<LianxinUser> store,
    IOptions<IdentityOptions> options,
    IPasswordHasher<LianxinUser> hasher,
    IEnumerable<IUserValidator<LianxinUser>> userValidators,
    IEnumerable<IPasswordValidator<LianxinUser>> passwordValidators,
    ILookupNormalizer normalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<LianxinUser>> logger,
    LianxinDbContext db,
    TimeProvider time
) : UserManager<LianxinUser>(store, options, hasher, userValidators, passwordValidators, normalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(LianxinUser user)
    {
        var entry = db.Entry(user);
        var replaced = entry.State is EntityState.Unchanged or EntityState.Modified
            ? entry.Property(u => u.PasswordHash).OriginalValue
            : null;
        PasswordHistoryEntry? kept = null;
        if (replaced is not null && replaced != user.PasswordHash)
            db.PasswordHistory.Add(kept = PasswordHistoryEntry.Of(user.Id, replaced, time.GetUtcNow()));
        var result = await base.UpdateUserAsync(user);
        if (kept is null)
            return result;
        if (!result.Succeeded)
        {
            db.Entry(kept).State = EntityState.Detached;
            return result;
        }
        var stale = await db
            .PasswordHistory.Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.ReplacedAt)
            .ThenByDescending(h => h.Id)
            .Skip(PasswordHistoryEntry.Remembered - 1)
            .Select(h => h.Id)
            .ToListAsync(CancellationToken);
        if (stale.Count > 0)
            await db.PasswordHistory.Where(h => stale.Contains(h.Id)).ExecuteDeleteAsync(CancellationToken);
        return result;
    }
}
