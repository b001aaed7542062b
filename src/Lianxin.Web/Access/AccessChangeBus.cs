using StackExchange.Redis;

namespace Lianxin.Web.Access;

/// <summary>Tells every node that an account's access or a session changed, so that what each node remembers
/// (<see cref="AccessCache"/>, <see cref="SessionRegistry"/>) is forgotten everywhere at once rather than when it
/// expires. The change is applied on this node first, then published on Redis (<c>Redis:Configuration</c>) to the
/// others. Without Redis, or while it is down, the other nodes forget within <c>Security:SessionCacheSeconds</c>;
/// the database stays the truth either way.</summary>
public sealed class AccessChangeBus(AccessCache cache, SessionRegistry sessions, IConfiguration config, ILogger<AccessChangeBus> log)
    : IHostedService,
        IAsyncDisposable
{
    private static readonly RedisChannel Channel = RedisChannel.Literal("lianxin-access");
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly CancellationTokenSource _stopping = new();
    private ConnectionMultiplexer? _redis;

    public void UserChanged(string userId) => Send('u', userId);

    public void EveryoneChanged() => Send('a', "");

    public void SessionEnded(Guid sessionId) => Send('s', sessionId.ToString("N"));

    public void SessionsOfUserEnded(string userId) => Send('e', userId);

    private void Send(char kind, string subject)
    {
        Apply(kind, subject);
        if (_redis is not { IsConnected: true } redis)
            return;
        try
        {
            redis.GetSubscriber().Publish(Channel, $"{_node}|{kind}|{subject}", CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            log.LogWarning(e, "Could not tell the other nodes of an access change; they will notice it when their memory expires");
        }
    }

    private void Apply(char kind, string subject)
    {
        switch (kind)
        {
            case 'u':
                cache.Forget(subject);
                break;
            case 'a':
                cache.ForgetAll();
                break;
            case 's' when Guid.TryParseExact(subject, "N", out var id):
                sessions.Forget(id);
                break;
            case 'e':
                cache.Forget(subject);
                sessions.ForgetUser(subject);
                break;
        }
    }

    /// <summary>A message from another node: <c>node|kind|subject</c>. Anything else is ignored.</summary>
    internal void Receive(string? message)
    {
        var parts = message?.Split('|', 3);
        if (parts is not [var node, [var kind], var subject] || node == _node || subject.Length > 200)
            return;
        Apply(kind, subject);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (config["Redis:Configuration"] is not { Length: > 0 } configuration)
            return Task.CompletedTask;
        // Connecting never holds up the start: a node without Redis still serves, and forgets by expiry meanwhile.
        _ = Task.Run(
            async () =>
            {
                var options = ConfigurationOptions.Parse(configuration);
                options.AbortOnConnectFail = false;
                for (var attempt = 0; !_stopping.IsCancellationRequested; attempt++)
                {
                    try
                    {
                        _redis ??= await ConnectionMultiplexer.ConnectAsync(options);
                        // Once subscribed, the client subscribes again by itself after a reconnect.
                        await _redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => Receive(message));
                        return;
                    }
                    catch (Exception e) when (e is RedisException or TimeoutException)
                    {
                        if (attempt == 0)
                            log.LogWarning(
                                e,
                                "Could not subscribe to access changes on Redis yet; other nodes' changes apply when they expire"
                            );
                        await Task.Delay(TimeSpan.FromSeconds(5), _stopping.Token).ContinueWith(_ => { });
                    }
                }
            },
            CancellationToken.None
        );
        return Task.CompletedTask;
    }

    // The token has no timer, so it is not disposed: the host may stop a service more than once.
    public Task StopAsync(CancellationToken cancellationToken) =>
        _stopping.IsCancellationRequested ? Task.CompletedTask : _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
            await _redis.DisposeAsync();
    }
}
