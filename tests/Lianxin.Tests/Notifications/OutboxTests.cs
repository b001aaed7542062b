using System.Net;
using System.Net.Sockets;
using System.Text;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Lianxin.Web.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Lianxin.Tests.Notifications;

/// <summary>A real HTTP receiver on loopback that answers with the status codes it is given, in turn.</summary>
internal sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _answers;
    public List<string> Bodies { get; } = [];
    public List<string?> MessageIds { get; } = [];
    public string Url { get; }

    public LoopbackReceiver(params int[] answers)
    {
        _answers = new Queue<int>(answers);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }
            using var reader = new StreamReader(ctx.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (Bodies)
            {
                Bodies.Add(body);
                MessageIds.Add(ctx.Request.Headers[WebhookChannel.MessageIdHeader]);
            }
            ctx.Response.StatusCode = _answers.Count > 0 ? _answers.Dequeue() : 200;
            ctx.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly LoopbackReceiver _receiver = new(500, 503, 200);
    private LianxinFactory _factory = default!;
    private TestWorld _world = default!;

    public async Task InitializeAsync()
    {
        _factory = new LianxinFactory(settings: new() { ["Outbox:WebhookUrl"] = _receiver.Url, ["Outbox:PollSeconds"] = "3600" });
        _ = _factory.Server;
        _world = await TestWorld.CreateAsync(_factory);
    }

    public async Task DisposeAsync()
    {
        _receiver.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task The_inbox_is_written_and_the_webhook_is_retried_until_it_accepts()
    {
        var userId = _world.UserIds["officer1"];
        await _factory.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<Lianxin.Web.Access.CurrentUser>();
            return await sp.GetRequiredService<NotificationService>()
                .SendAsync(userId, "红色预警", "东峪村纠纷升级", "/disputes/1", "error", [("webhook", "{\"text\":\"红色预警\"}")]);
        });

        var officer = await TestWorld.ClientAsync(_factory, "officer1");
        var inbox = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<NotificationView>>(
            await officer.GetAsync("/api/v1/notifications?unreadOnly=true")
        );
        Assert.Equal("红色预警", Assert.Single(inbox.Items).Title);
        var leader = await TestWorld.ClientAsync(_factory, "leader1");
        var other = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<NotificationView>>(
            await leader.GetAsync("/api/v1/notifications")
        );
        Assert.Empty(other.Items);

        var dispatcher = _factory.Services.GetServices<IHostedService>().OfType<OutboxDispatcher>().Single();
        async Task<OutboxMessage> Pass()
        {
            await _factory.WithDbAsync(db =>
                db.OutboxMessages.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)))
            );
            await dispatcher.DispatchOnceAsync(CancellationToken.None);
            return await _factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync());
        }
        var first = await Pass();
        Assert.Null(first.SentAt);
        Assert.Equal(1, first.Attempts);
        Assert.Contains("500", first.LastError);
        var second = await Pass();
        Assert.Equal(2, second.Attempts);
        Assert.True(second.NextAttemptAt - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(10), "backoff grows");
        var third = await Pass();
        Assert.NotNull(third.SentAt);
        Assert.Equal(3, _receiver.Bodies.Count);
        Assert.All(_receiver.Bodies, b => Assert.Contains("红色预警", b));
        Assert.Single(_receiver.MessageIds.Distinct());
        Assert.Equal(third.Id.ToString(), _receiver.MessageIds[0]);

        await officer.PostAsync($"/api/v1/notifications/{inbox.Items[0].Id}/read", null);
        var count = await officer.GetStringAsync("/api/v1/notifications/unread-count");
        Assert.Contains("\"count\":0", count);
    }

    [Fact]
    public void Backoff_doubles_and_gives_up_after_the_limit()
    {
        var m = new OutboxMessage();
        var now = DateTimeOffset.UnixEpoch;
        m.RecordFailure("x", now);
        Assert.Equal(now.AddSeconds(10), m.NextAttemptAt);
        m.RecordFailure("x", now);
        Assert.Equal(now.AddSeconds(20), m.NextAttemptAt);
        for (var i = 2; i < OutboxMessage.MaxAttempts; i++)
            m.RecordFailure("x", now);
        Assert.NotNull(m.FailedAt);
    }
}
