using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Lianxin.Tests.Cluster;

/// <summary>Two app nodes on one PostgreSQL database, as behind a proxy without sticky sessions for the API: nothing a
/// signed-in user holds lives on one node. A sign-in form fetched from one node is posted to the other; the cookie and
/// the token either issues work on both; a session ended on one node is refused by the other within its session cache,
/// and the other node cuts that session's live connection.</summary>
public sealed class TwoNodeTests : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> Settings = new() { ["Security:SessionCacheSeconds"] = "1" };
    private LianxinFactory _a = null!;
    private LianxinFactory _b = null!;

    public async Task InitializeAsync()
    {
        if (TestDatabase.PostgresServer is null)
            return;
        _a = new LianxinFactory(DbKind.Postgres, new Dictionary<string, string?>(Settings));
        _ = _a.Server;
        await TestWorld.CreateAsync(_a);
        _b = new LianxinFactory(_a);
        _ = _b.Server;
    }

    [PostgresFact]
    public async Task A_sign_in_form_from_one_node_posts_to_the_other_and_its_cookie_works_on_both()
    {
        using var a = Bare(_a);
        using var b = Bare(_b);
        var form = await a.GetAsync("/account/login");
        var jar = Cookies(form);
        var token = CookieSignIn.TokenField().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;

        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = "officer1",
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = token,
                    ["returnUrl"] = "/",
                }
            ),
        };
        post.Headers.Add("Cookie", jar);
        var signedIn = await b.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.NotEmpty(session);

        foreach (var node in new[] { a, b })
        {
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            me.Headers.Add("Cookie", session);
            Assert.Equal(HttpStatusCode.OK, (await node.SendAsync(me)).StatusCode);
        }
    }

    [PostgresFact]
    public async Task A_session_ended_on_one_node_is_refused_by_the_other_and_its_live_connection_there_is_cut()
    {
        var token = await TokenAsync(_a, "auxiliary1");
        using var onB = Bearer(_b, token);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/auth/me")).StatusCode);
        await using var live = await ConnectAsync(_b, token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        using var onA = Bearer(_a, token);
        Assert.Equal(HttpStatusCode.NoContent, (await onA.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);

        // Node B remembered the session as live for at most its cache time (1 s here); then it asks the database.
        var refused = false;
        for (var i = 0; i < 50 && !refused; i++)
        {
            refused = (await onB.GetAsync("/api/v1/auth/me")).StatusCode == HttpStatusCode.Unauthorized;
            if (!refused)
                await Task.Delay(200);
        }
        Assert.True(refused, "node B still accepts a session ended on node A");
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private static HttpClient Bare(LianxinFactory node) =>
        node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static HttpClient Bearer(LianxinFactory node, string token)
    {
        var client = Bare(node);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>The cookies a response sets, as a request's Cookie header.</summary>
    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';', 2)[0]) : []);

    private static async Task<string> TokenAsync(LianxinFactory node, string user)
    {
        using var client = Bare(node);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TestWorld.TokenResponse>())!.AccessToken;
    }

    private static async Task<HubConnection> ConnectAsync(LianxinFactory node, string token)
    {
        var server = node.Server;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, "hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = server.CreateWebSocketClient();
                    ws.ConfigureRequest = r => r.Headers.Authorization = "Bearer " + token;
                    return await ws.ConnectAsync(context.Uri, ct);
                };
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    public async Task DisposeAsync()
    {
        if (_b is not null)
            await _b.DisposeAsync();
        if (_a is not null)
            await _a.DisposeAsync();
    }
}
