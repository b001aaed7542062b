using System.Net;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Access;

/// <summary>Staff sessions end after 30 idle minutes and, however active, 12 hours after sign-in.</summary>
public sealed partial class SessionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private LianxinFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _factory = new LianxinFactory(services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(_clock)));
        _ = _factory.Server;
        await TestWorld.CreateAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<HttpClient> SignedInAsync()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
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
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        return client;
    }

    private static async Task<bool> SignedIn(HttpClient client)
    {
        var response = await client.GetAsync("/places");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task Thirty_idle_minutes_end_the_session()
    {
        var client = await SignedInAsync();
        Assert.True(await SignedIn(client));
        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await SignedIn(client));
        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.False(await SignedIn(client));
    }

    [Fact]
    public async Task Activity_keeps_a_session_alive_but_not_past_its_absolute_lifetime()
    {
        var client = await SignedInAsync();
        for (var minutes = 0; minutes < 11 * 60; minutes += 20)
        {
            _clock.Advance(TimeSpan.FromMinutes(20));
            Assert.True(await SignedIn(client), $"signed out after {minutes + 20} active minutes");
        }
        _clock.Advance(TimeSpan.FromMinutes(61));
        Assert.False(await SignedIn(client));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
