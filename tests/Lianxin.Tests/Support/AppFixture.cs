namespace Lianxin.Tests.Support;

/// <summary>One app and test world per test class, on the provider the subclass names.</summary>
public abstract class AppFixture : IAsyncLifetime
{
    protected abstract DbKind Kind { get; }
    public LianxinFactory Factory { get; private set; } = default!;
    public TestWorld World { get; private set; } = default!;
    private readonly Dictionary<string, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        Factory = CreateFactory();
        _ = Factory.Server; // start: migrate and seed built-ins
        World = await TestWorld.CreateAsync(Factory);
        await SeedAsync();
    }

    /// <summary>The app under test; a fixture may swap services (a fake clock) here.</summary>
    protected virtual LianxinFactory CreateFactory() => new(Kind);

    /// <summary>Records a fixture adds on top of the test world.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async Task<HttpClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var c))
            _clients[user] = c = await TestWorld.ClientAsync(Factory, user);
        return c;
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients.Values)
            c.Dispose();
        if (Factory is not null)
            await Factory.DisposeAsync();
    }
}

public sealed class SqliteApp : AppFixture
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class PostgresApp : AppFixture
{
    protected override DbKind Kind => DbKind.Postgres;
}
