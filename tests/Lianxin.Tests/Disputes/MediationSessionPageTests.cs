using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lianxin.Tests.Disputes;

/// <summary>The pages render on the server (the first, prerendered view) with the session and
/// counselling sections and the forces settings, for a signed-in station leader.</summary>
public sealed partial class MediationSessionPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private async Task<HttpClient> SignedInAsync()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var token = TokenField().Match(form).Groups[1].Value;
        var response = await client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = "leader1",
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = token,
                    ["returnUrl"] = "/",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Fact]
    public async Task The_dispute_page_lists_its_sessions_and_counselling_and_the_forces_page_shows_the_categories()
    {
        var api = await app.As("leader1");
        var id = app.World.DisputeIds[0];
        await ApiAssert.OkAsync<SessionView>(
            await api.PostAsJsonAsync(
                $"/api/v1/disputes/{id}/sessions",
                new
                {
                    level = "Village",
                    at = DateTimeOffset.UtcNow.AddDays(1),
                    videoLink = "https://tiaojie.example.cn/room/9",
                    mediators = new object[] { new { name = "王律师", organization = "明理律师事务所" } },
                }
            ),
            HttpStatusCode.Created
        );
        var client = await SignedInAsync();

        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/disputes/{id}"));
        Assert.Contains("data-testid=\"dispute-sessions\"", page);
        Assert.Contains("data-testid=\"session-plan\"", page);
        Assert.Contains("王律师（明理律师事务所）", page);
        Assert.Contains("https://tiaojie.example.cn/room/9", page);
        Assert.Contains("data-testid=\"dispute-counselling\"", page);

        var forces = await client.GetStringAsync("/disputes/forces");
        Assert.Contains("data-testid=\"forces-cat-labour\"", forces);
        Assert.Contains("data-testid=\"forces-save\"", forces);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
