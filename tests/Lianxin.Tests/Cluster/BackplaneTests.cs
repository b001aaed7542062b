using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Cluster;

/// <summary>Two nodes on one database and one Redis: a notification raised on one node reaches the user's live
/// connection on the other through the Redis backplane (the inbox in the database stays the record).</summary>
public sealed class BackplaneTests
{
    [RedisFact]
    public async Task A_notification_raised_on_one_node_reaches_a_connection_on_the_other()
    {
        var settings = new Dictionary<string, string?> { ["Redis:Configuration"] = RedisFactAttribute.Server };
        await using var a = new LianxinFactory(DbKind.Postgres, settings);
        _ = a.Server;
        var world = await TestWorld.CreateAsync(a);
        await using var b = new LianxinFactory(a);
        _ = b.Server;

        var token = await TokenAsync(b, "officer1");
        await using var live = await ConnectAsync(b, token);
        var received = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.On<JsonElement>("notification", n => received.TrySetResult(n));

        var title = $"跨节点提醒 {Guid.NewGuid():N}";
        var pusher = a.Services.GetRequiredService<INotificationPusher>();
        var userId = world.UserIds["officer1"];
        // The subscription on node B is in place once its connection is; a push before that would be a hint lost,
        // which the inbox makes good, so the test pushes until one arrives, for a bounded time.
        for (var i = 0; i < 20 && !received.Task.IsCompleted; i++)
        {
            await pusher.PushAsync(
                userId,
                new Notification
                {
                    UserId = userId,
                    Title = title,
                    Body = "正文",
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            await Task.WhenAny(received.Task, Task.Delay(500));
        }
        Assert.True(received.Task.IsCompleted, "node B's connection never heard node A's notification");
        Assert.Equal(title, (await received.Task).GetProperty("title").GetString());
    }

    private static async Task<string> TokenAsync(LianxinFactory node, string user)
    {
        using var client = node.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
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
}
