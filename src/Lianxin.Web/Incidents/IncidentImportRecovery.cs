using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Core.Data.SharedFiles;
using Lianxin.Core.Incidents.Import;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Incidents;

/// <summary>At start-up, runs again every unfinished incident import whose file this server still keeps (the
/// process was stopped or crashed in the middle). Each runs as its importer, with the importer's current
/// permissions and scope; an importer since disabled, or without the right to import any more, is skipped and
/// the batch stays unfinished for staff to send the file again. Then the work directory is tidied (see
/// <see cref="IncidentImportService.TidyWorkDirectoryAsync"/>).</summary>
public sealed class IncidentImportRecovery(
    IServiceProvider services,
    IOptions<IncidentImportOptions> options,
    ILogger<IncidentImportRecovery> log
) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunOnceAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not look for interrupted incident imports");
        }
    }

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        IReadOnlyList<(Guid Id, string ImportedById)> open;
        await using (var scope = services.CreateAsyncScope())
            open = await IncidentImportService.UnfinishedWithFileAsync(
                scope.ServiceProvider.GetRequiredService<LianxinDbContext>(),
                options.Value,
                ct,
                scope.ServiceProvider.GetRequiredService<SharedFileStore>()
            );
        var done = 0;
        foreach (var (id, importerId) in open)
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<LianxinUser>>();
            if (await users.FindByIdAsync(importerId) is not { IsDisabled: false } importer)
            {
                log.LogWarning("Interrupted incident import {Batch} left unfinished: its importer's account is gone or disabled", id);
                continue;
            }
            var principal = await scope
                .ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<LianxinUser>>()
                .CreateAsync(importer);
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(principal, null);
            try
            {
                var result = await scope.ServiceProvider.GetRequiredService<IncidentImportService>().ResumeAsync(id, ct);
                log.LogInformation(
                    "Interrupted incident import {Batch} run again: {Stored} stored, {Duplicates} duplicates, {Invalid} invalid",
                    id,
                    result.Stored,
                    result.Duplicates,
                    result.Invalid
                );
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Interrupted incident import {Batch} left unfinished", id);
            }
        }
        await using (var scope = services.CreateAsyncScope())
            await IncidentImportService.TidyWorkDirectoryAsync(
                scope.ServiceProvider.GetRequiredService<LianxinDbContext>(),
                options.Value,
                ct,
                scope.ServiceProvider.GetRequiredService<SharedFileStore>()
            );
        return done;
    }
}
