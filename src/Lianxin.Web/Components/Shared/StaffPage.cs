using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Lianxin.Web.Components.Shared;

/// <summary>Base of the interactive staff pages. Each operation runs in its own DI scope (a fresh
/// DbContext, as a long-lived circuit must not share one) acting as the signed-in user, and a refusal
/// from the domain becomes a message on screen instead of a broken page.</summary>
public abstract class StaffPage : ComponentBase
{
    [Inject]
    protected IServiceScopeFactory Scopes { get; set; } = default!;

    [Inject]
    protected ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    protected IDialogService Dialogs { get; set; } = default!;

    [Inject]
    protected NavigationManager Nav { get; set; } = default!;

    [Inject]
    protected IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private CurrentUser CircuitUser { get; set; } = default!;

    [Inject]
    private RefusalAudit Refusals { get; set; } = default!;

    [Inject]
    private IDatabaseErrors DatabaseErrors { get; set; } = default!;

    [CascadingParameter]
    protected Task<AuthenticationState> AuthState { get; set; } = default!;

    protected System.Security.Claims.ClaimsPrincipal User { get; private set; } = new();

    protected override async Task OnParametersSetAsync()
    {
        User = (await AuthState).User;
        await base.OnParametersSetAsync();
    }

    protected bool Can(string permission) => User.HasClaim(Lianxin.Core.Access.Permissions.ClaimType, permission);

    /// <summary>Runs work against a service; returns default and shows the reason if it is refused.</summary>
    protected async Task<T?> Run<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        if (User.Identity?.IsAuthenticated != true)
            User = (await AuthState).User;
        await using var scope = Scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(User, CircuitUser.IpAddress);
        try
        {
            return await work(scope.ServiceProvider.GetRequiredService<TService>());
        }
        catch (ValidationFailedException v)
        {
            Snackbar.Add(string.Join("；", v.Errors.SelectMany(e => e.Value)), Severity.Warning);
        }
        catch (Exception f) when (f is ForbiddenException or NotFoundException)
        {
            await Refusals.RecordAsync(User, CircuitUser.IpAddress, $"页面 {Nav.ToBaseRelativePath(Nav.Uri).Split('?')[0]}", f.Message);
            Snackbar.Add(f.Message, Severity.Warning);
        }
        catch (DomainException d)
        {
            Snackbar.Add(d.Message, Severity.Warning);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            Snackbar.Add(L["Common_ConcurrencyConflict"].Value, Severity.Warning);
        }
        catch (Exception e) when (DatabaseErrors.IsBusy(e))
        {
            // A write that waited its bounded time behind an import: nothing was saved, and trying again later works.
            Snackbar.Add(e is DatabaseBusyException busy ? busy.Message : L["Common_Busy"].Value, Severity.Warning);
        }
        catch (Exception e) when (DatabaseErrors.IsUnavailable(e))
        {
            Snackbar.Add(L["Common_DatabaseUnavailable"].Value, Severity.Error);
        }
        return default;
    }

    protected async Task<bool> Run<TService>(Func<TService, Task> work)
        where TService : notnull =>
        await Run<TService, bool>(async s =>
        {
            await work(s);
            return true;
        });
}
