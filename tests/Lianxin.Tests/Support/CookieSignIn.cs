using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.Tests.Support;

/// <summary>A browser-like client: signed in through the sign-in form, holding the staff cookie.</summary>
public static partial class CookieSignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex TokenField();

    public static async Task<HttpClient> ClientAsync(LianxinFactory factory, string user)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var response = await client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = user,
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = TokenField().Match(form).Groups[1].Value,
                    ["returnUrl"] = "/",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
