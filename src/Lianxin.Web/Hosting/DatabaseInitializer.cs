using Lianxin.Core.Data;
using Lianxin.Core.Dictionaries;
using Lianxin.Web.Access;

namespace Lianxin.Web.Hosting;

/// <summary>Before the server takes requests: migrate (when configured) and make sure the built-in
/// roles and default dictionaries exist. Runs on every start and changes nothing a station edited.</summary>
public sealed class DatabaseInitializer(IServiceProvider services, IConfiguration config, ILogger<DatabaseInitializer> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
        if (config.GetValue("Database:MigrateOnStart", true))
        {
            await DatabaseSetup.MigrateAsync(
                db,
                scope.ServiceProvider.GetRequiredService<IBulkWriter>(),
                scope.ServiceProvider.GetRequiredService<Core.Common.AddressNormalizer>(),
                log,
                cancellationToken
            );
            log.LogInformation("Database migrated ({Provider})", db.Database.ProviderName);
        }
        await BuiltInRoleSeeder.EnsureAsync(scope.ServiceProvider, cancellationToken);
        await DictionaryService.SeedDefaultsAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
