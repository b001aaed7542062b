using Lianxin.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lianxin.Tests.Support;

/// <summary>The real app on a real database (SQLite file or PostgreSQL), with fixed personal-data keys.
/// Each instance owns its database and removes it when disposed.</summary>
public class LianxinFactory : WebApplicationFactory<Program>
{
    public const string TestEncryptionKey = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    public const string TestIndexKey = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    public TestDatabase Database { get; }
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsDatabase = true;

    public LianxinFactory(
        DbKind kind = DbKind.Sqlite,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null
    )
    {
        Database = TestDatabase.Create(kind);
        _settings = settings ?? [];
        _services = services;
    }

    /// <summary>Another node of the same deployment: the same build and settings on <paramref name="first"/>'s database,
    /// which it leaves to <paramref name="first"/> to remove. Start it after the first node has migrated.</summary>
    public LianxinFactory(LianxinFactory first, Dictionary<string, string?>? settings = null)
        : this(first?.Database ?? throw new ArgumentNullException(nameof(first)), settings ?? first._settings) { }

    /// <summary>A node on a database the caller owns (and removes), so that nodes can come and go around it.</summary>
    public LianxinFactory(TestDatabase shared, Dictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(shared);
        Database = shared;
        _settings = settings ?? [];
        _ownsDatabase = false;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the framework's own scripts (blazor.web.js, MudBlazor) come from the static
        // web assets manifest only when asked; a published app has them in wwwroot.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Kind == DbKind.Postgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:Lianxin", Database.ConnectionString);
        builder.UseSetting("PersonalData:EncryptionKey", TestEncryptionKey);
        builder.UseSetting("PersonalData:BlindIndexKey", TestIndexKey);
        builder.UseSetting("Outbox:PollSeconds", "1");
        // Reminders are sent by tests calling the sweep with a chosen time, not by the clock.
        builder.UseSetting("Disputes:ReminderSweepMinutes", "0");
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:ReferralLinkRequestsPerMinute", "100000");
        builder.UseSetting("Volunteers:Tips:LookupFailuresPerWindow", "100000");
        foreach (var (k, v) in _settings)
            builder.UseSetting(k, v);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(s => _services?.Invoke(s));
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<LianxinDbContext, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<LianxinDbContext>()));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
            await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
