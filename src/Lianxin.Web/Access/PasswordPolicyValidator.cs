using Lianxin.Core.Access;
using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Access;

/// <summary>The configured password profile. MLPS level 3 asks for 3 of 4 character classes; OWASP
/// ASVS asks only for length and refuses composition rules. Both refuse common passwords and the
/// user's own name.</summary>
public sealed class PasswordPolicyValidator(SecurityOptions options) : IPasswordValidator<LianxinUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<LianxinUser> manager, LianxinUser user, string? password)
    {
        var errors = Check(password ?? "", user.UserName, options)
            .Select(m => new IdentityError { Code = "PasswordPolicy", Description = m })
            .ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }

    public static IEnumerable<string> Check(string password, string? userName, SecurityOptions options)
    {
        var min = Math.Max(8, options.MinimumPasswordLength);
        var max =
            options.PasswordProfile == PasswordProfile.Asvs ? Math.Max(64, options.MaximumPasswordLength) : options.MaximumPasswordLength;
        if (password.Length < min)
            yield return $"密码至少需要 {min} 个字符";
        if (password.Length > max)
            yield return $"密码不能超过 {max} 个字符";
        if (options.PasswordProfile == PasswordProfile.Mlps)
        {
            var classes =
                (password.Any(char.IsAsciiLetterLower) ? 1 : 0)
                + (password.Any(char.IsAsciiLetterUpper) ? 1 : 0)
                + (password.Any(char.IsAsciiDigit) ? 1 : 0)
                + (password.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 1 : 0);
            if (classes < 3)
                yield return "密码须包含大写字母、小写字母、数字、符号中的至少三类";
        }
        if (CommonPasswords.Contains(password))
            yield return "该密码过于常见，容易被猜中，请换一个";
        if (!string.IsNullOrEmpty(userName) && userName.Length >= 3 && password.Contains(userName, StringComparison.OrdinalIgnoreCase))
            yield return "密码不能包含用户名";
    }

    /// <summary>Whether the profile forces a change because the password is too old.</summary>
    public static bool IsExpired(LianxinUser user, SecurityOptions options, DateTimeOffset now) =>
        options.PasswordProfile == PasswordProfile.Mlps
        && options.PasswordMaxAgeDays > 0
        && user.PasswordChangedAt is { } changed
        && now - changed > TimeSpan.FromDays(options.PasswordMaxAgeDays);
}
