using System.Net;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Notifications;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Notifications;

public sealed class HubSessionSqliteTests(SqliteApp app) : HubSessionTests(app), IClassFixture<SqliteApp>;

public sealed class HubSessionPostgresTests(PostgresApp app) : HubSessionTests(app), IClassFixture<PostgresApp>;

/// <summary>A live-notification connection lives only as long as the session it was opened under: signing out
/// cuts it at once on this node, and a session ended elsewhere is found by the next sweep. Another session of the
/// same account keeps its connection.</summary>
public abstract class HubSessionTests(AppFixture app)
{
    [Fact]
    public async Task Signing_out_cuts_that_sessions_live_connection_and_leaves_the_other_one()
    {
        var first = await TokenAsync("volunteer1");
        var second = await TokenAsync("volunteer1");
        await using var signedOut = await ConnectAsync(first);
        await using var kept = await ConnectAsync(second);
        var closed = Closed(signedOut);

        using var client = app.Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", first);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/sign-out", null)).StatusCode);

        await closed.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(HubConnectionState.Disconnected, signedOut.State);
        Assert.Equal(HubConnectionState.Connected, kept.State);
    }

    [Fact]
    public async Task A_session_ended_on_another_node_is_cut_by_the_next_sweep()
    {
        var token = await TokenAsync("resident1");
        await using var connection = await ConnectAsync(token);
        var closed = Closed(connection);
        var sweep = app.Factory.Services.GetRequiredService<HubSessionSweep>();

        // Nothing has ended yet: the sweep leaves it alone.
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
        Assert.Equal(HubConnectionState.Connected, connection.State);

        // Another node ends every session of the account: only the database knows.
        var userId = app.World.UserIds["resident1"];
        await app.Factory.WithDbAsync(db =>
            db.UserSessions.Where(s => s.UserId == userId && s.RevokedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.RevokedAt, DateTimeOffset.UtcNow).SetProperty(s => s.RevokedReason, "test"))
        );
        Assert.True(await sweep.SweepAsync(CancellationToken.None) >= 1);
        await closed.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    private async Task<HubConnection> ConnectAsync(string token)
    {
        var server = app.Factory.Server;
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

    private async Task<string> TokenAsync(string user)
    {
        using var client = app.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TestWorld.TokenResponse>())!.AccessToken;
    }
}
