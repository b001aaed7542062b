using Lianxin.Web.Access;
using Lianxin.Web.Hosting;

namespace Lianxin.Tests.Access;

public sealed class PasswordPolicyTests
{
    private static readonly SecurityOptions Mlps = new() { PasswordProfile = PasswordProfile.Mlps };
    private static readonly SecurityOptions Asvs = new() { PasswordProfile = PasswordProfile.Asvs };

    [Theory]
    [InlineData("Abcdefg1", true)] // upper, lower, digit
    [InlineData("abcdefg1!", true)] // lower, digit, symbol
    [InlineData("ABCDEFG1!", true)] // upper, digit, symbol
    [InlineData("abcdefgh1", false)] // only two classes
    [InlineData("Abc1!", false)] // too short
    [InlineData("Qq123456!", false)] // common, whatever its mix
    public void Mlps_profile_wants_eight_characters_from_three_classes(string password, bool ok) =>
        Assert.Equal(ok, !PasswordPolicyValidator.Check(password, "zhangsan", Mlps).Any());

    [Theory]
    [InlineData("correct horse battery staple", true)]
    [InlineData("mountainvillage", true)]
    [InlineData("short", false)]
    [InlineData("password123", false)]
    [InlineData("woaini1314", false)]
    public void Asvs_profile_wants_length_without_composition_rules(string password, bool ok) =>
        Assert.Equal(ok, !PasswordPolicyValidator.Check(password, "zhangsan", Asvs).Any());

    [Fact]
    public void Asvs_accepts_at_least_64_characters_and_mlps_messages_are_chinese()
    {
        Assert.Empty(PasswordPolicyValidator.Check(new string('长', 64) + "句子", "u", Asvs));
        Assert.Contains(PasswordPolicyValidator.Check("abcdefgh", "u", Mlps), m => m.Contains("三类"));
    }

    [Fact]
    public void A_password_may_not_contain_the_user_name() =>
        Assert.Contains(PasswordPolicyValidator.Check("Officer1-Strong!", "officer1", Mlps), m => m.Contains("用户名"));

    [Fact]
    public void Mlps_passwords_expire_after_the_configured_age_and_asvs_never_forces_rotation()
    {
        var now = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        var user = new Lianxin.Core.Access.LianxinUser { PasswordChangedAt = now.AddDays(-91) };
        Assert.True(PasswordPolicyValidator.IsExpired(user, Mlps, now));
        Assert.False(PasswordPolicyValidator.IsExpired(user, Asvs, now));
        user.PasswordChangedAt = now.AddDays(-89);
        Assert.False(PasswordPolicyValidator.IsExpired(user, Mlps, now));
    }

    [Fact]
    public void Generated_one_time_passwords_satisfy_both_profiles()
    {
        for (var i = 0; i < 200; i++)
        {
            var p = UserAdminService.GeneratePassword();
            Assert.Empty(PasswordPolicyValidator.Check(p, "someone", Mlps));
            Assert.Empty(PasswordPolicyValidator.Check(p, "someone", Asvs));
        }
    }
}
