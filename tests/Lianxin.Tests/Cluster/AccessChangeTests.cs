using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Cluster;

/// <summary>Two nodes on one database and one Redis, each remembering sessions and accounts' access for ten minutes:
/// a change made on one node (a sign-out, a disabled account, a moved officer) is applied by the other within
/// seconds, because the change is published on Redis, not because the other node's memory expired.</summary>
public sealed class AccessChangeTests : IAsyncLifetime
{
    private LianxinFactory _a = null!;
    private LianxinFactory _b = null!;
    private TestWorld _world = null!;

    public async Task InitializeAsync()
    {
        if (RedisFactAttribute.Server is null || TestDatabase.PostgresServer is null)
            return;
        var settings = new Dictionary<string, string?>
        {
            ["Redis:Configuration"] = RedisFactAttribute.Server,
            ["Security:SessionCacheSeconds"] = "600",
        };
        _a = new LianxinFactory(DbKind.Postgres, settings);
        _ = _a.Server;
        _world = await TestWorld.CreateAsync(_a);
        _b = new LianxinFactory(_a);
        _ = _b.Server;
    }

    [RedisFact]
    public async Task A_sign_out_on_one_node_is_refused_by_the_other_at_once()
    {
        var token = await TokenAsync("leader1");
        using var onB = Bearer(_b, token);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/auth/me")).StatusCode);

        using var onA = Bearer(_a, token);
        Assert.Equal(HttpStatusCode.NoContent, (await onA.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);
        Assert.True(await SoonAsync(async () => (await onB.GetAsync("/api/v1/auth/me")).StatusCode == HttpStatusCode.Unauthorized));
    }

    [RedisFact]
    public async Task An_account_disabled_on_one_node_is_refused_by_the_other_at_once()
    {
        var token = await TokenAsync("mediator1");
        using var onB = Bearer(_b, token);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/auth/me")).StatusCode);

        // Straight through node A's context: no service ends the sessions, only the saved change tells the nodes.
        await _a.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.UserName == "mediator1")).IsDisabled = true;
            return await db.SaveChangesAsync();
        });
        Assert.True(await SoonAsync(async () => (await onB.GetAsync("/api/v1/auth/me")).StatusCode == HttpStatusCode.Unauthorized));
    }

    [RedisFact]
    public async Task An_officer_moved_on_one_node_lists_the_new_units_records_on_the_other_at_once()
    {
        var token = await TokenAsync("officer2");
        using var onB = Bearer(_b, token);
        Assert.Contains(_world.ResidentIds["张三2"], await ResidentIdsAsync(onB));

        await _a.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.UserName == "officer2")).OrgUnitId = _world.Districts[0].Id;
            return await db.SaveChangesAsync();
        });
        Assert.True(await SoonAsync(async () => (await ResidentIdsAsync(onB)).Contains(_world.ResidentIds["张三1"])));
        Assert.DoesNotContain(_world.ResidentIds["张三2"], await ResidentIdsAsync(onB));
    }

    /// <summary>Within 5 s: far inside the ten minutes the nodes would otherwise remember.</summary>
    private static async Task<bool> SoonAsync(Func<Task<bool>> check)
    {
        for (var i = 0; i < 50; i++)
        {
            if (await check())
                return true;
            await Task.Delay(100);
        }
        return false;
    }

    private async Task<string> TokenAsync(string user)
    {
        using var client = _a.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TestWorld.TokenResponse>())!.AccessToken;
    }

    private static HttpClient Bearer(LianxinFactory node, string token)
    {
        var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<List<Guid>> ResidentIdsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/residents?pageSize=200");
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
    }

    public async Task DisposeAsync()
    {
        if (_b is not null)
            await _b.DisposeAsync();
        if (_a is not null)
            await _a.DisposeAsync();
    }
}
