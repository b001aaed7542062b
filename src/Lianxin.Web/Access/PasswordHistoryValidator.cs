using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Access;

/// <summary>Refuses a new password that is the current one or one of the previous ones kept in the history,
/// the last <see cref="PasswordHistoryEntry.Remembered"/> in all (GB/T 22239 level 3). Runs wherever Identity
/// sets a password: a change, a reset, the command line.</summary>
public sealed class PasswordHistoryValidator(LianxinDbContext db) : IPasswordValidator<LianxinUser>
{
    public const string Code = "PasswordReused";

    public async Task<IdentityResult> ValidateAsync(UserManager<LianxinUser> manager, LianxinUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || string.IsNullOrEmpty(user.Id))
            return IdentityResult.Success;
        var hashes = await db
            .PasswordHistory.AsNoTracking()
            .Where(h => h.UserId == user.Id)
            .OrderByDescending(h => h.ReplacedAt)
            .ThenByDescending(h => h.Id)
            .Take(PasswordHistoryEntry.Remembered - 1)
            .Select(h => h.PasswordHash)
            .ToListAsync();
        if (user.PasswordHash is { } current)
            hashes.Insert(0, current);
        foreach (var hash in hashes)
            if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
                return IdentityResult.Failed(
                    new IdentityError
                    {
                        Code = Code,
                        Description = $"新密码不能与最近 {PasswordHistoryEntry.Remembered} 次使用过的密码相同",
                    }
                );
        return IdentityResult.Success;
    }
}
