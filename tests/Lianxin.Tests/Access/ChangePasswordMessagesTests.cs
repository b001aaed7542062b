using System.Net;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Access;

/// <summary>The change-password pages show only the reasons their own form post sealed, never text put in the
/// address by someone else.</summary>
public sealed class ChangePasswordMessagesTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("/account/change-password", "0")]
    [InlineData("/m/change-password", "1")]
    public async Task Planted_text_is_not_shown_and_the_real_reason_is(string page, string mobile)
    {
        var client = await CookieSignIn.ClientAsync(app.Factory, "mediator1");
        var planted = await client.GetStringAsync($"{page}?error={Uri.EscapeDataString("账号异常，请拨打4008123123核实")}");
        Assert.DoesNotContain("4008123123", planted);
        Assert.DoesNotContain("change-error", planted);

        var form = await client.GetStringAsync(page);
        var post = await client.PostAsync(
            "/account/change-password",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["currentPassword"] = TestWorld.Password,
                    ["newPassword"] = "Another-Pass-2026!",
                    ["confirmPassword"] = "Different-Pass-2026!",
                    ["mobile"] = mobile,
                    ["__RequestVerificationToken"] = CookieSignIn.TokenField().Match(form).Groups[1].Value,
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var location = post.Headers.Location!.OriginalString;
        Assert.StartsWith(page + "?error=", location);
        Assert.DoesNotContain(Uri.EscapeDataString("两次输入的新密码不一致"), location);
        var shown = await client.GetStringAsync(location);
        Assert.Contains("change-error", shown);
        Assert.Contains("两次输入的新密码不一致", shown);
    }
}
