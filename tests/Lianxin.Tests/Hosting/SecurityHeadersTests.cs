using System.Net;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lianxin.Tests.Hosting;

/// <summary>What every response tells the browser, and the session cookie behind a TLS-terminating proxy.</summary>
public sealed partial class SecurityHeadersTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/v1/auth/me")]
    [InlineData("/js/app.js")]
    public async Task Every_response_carries_the_isolation_headers(string path)
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(path);
        string One(string name) => Assert.Single(response.Headers.GetValues(name));
        Assert.Equal("same-origin", One("Cross-Origin-Opener-Policy"));
        Assert.Equal("same-origin", One("Cross-Origin-Resource-Policy"));
        var permissions = One("Permissions-Policy");
        Assert.Contains("microphone=()", permissions);
        Assert.Contains("payment=()", permissions);
        Assert.Contains("geolocation=(self)", permissions);
        var csp = One("Content-Security-Policy");
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("connect-src 'self';", csp);
        Assert.DoesNotContain(" ws:", csp);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void Kestrel_sends_no_server_header()
    {
        Assert.False(app.Factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    /// <summary>Signs in through the login form with the given forwarded scheme, and returns the cookie header set.</summary>
    private static async Task<string> SessionCookieAsync(LianxinFactory factory, string? forwardedProto)
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = "leader1",
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = TokenField().Match(form).Groups[1].Value,
                    ["returnUrl"] = "/",
                }
            ),
        };
        if (forwardedProto is not null)
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lianxin.auth", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Behind_a_trusted_tls_proxy_the_session_cookie_is_secure()
    {
        await using var factory = new LianxinFactory(settings: new() { ["Network:TrustedProxies:0"] = "127.0.0.1" }, services: s =>
            s.AddTransient<IStartupFilter, FromLoopbackProxy>()
        );
        _ = factory.Server;
        await TestWorld.CreateAsync(factory);
        var cookie = await SessionCookieAsync(factory, "https");
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        // Plain HTTP on the loopback (a developer's machine) keeps working without TLS.
        Assert.DoesNotContain("; secure", await SessionCookieAsync(factory, null), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The test server has no peer address; requests here come from the proxy on the loopback.</summary>
    private sealed class FromLoopbackProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (HttpContext ctx, Func<Task> go) =>
                    {
                        ctx.Connection.RemoteIpAddress = IPAddress.Loopback;
                        return go();
                    }
                );
                next(app);
            };
    }
}
