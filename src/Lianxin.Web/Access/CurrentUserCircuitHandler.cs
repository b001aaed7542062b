using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Lianxin.Web.Access;

/// <summary>An interactive circuit has no HttpContext after it starts; this keeps the circuit's
/// <see cref="CurrentUser"/> in step with its authentication state, and before each event the tab sends
/// signs the circuit out if its session has ended (so the event runs as nobody and is refused).</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser user, IHttpContextAccessor http)
    : CircuitHandler,
        IDisposable
{
    private string? _ip;

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        auth.AuthenticationStateChanged += Changed;
        return base.OnCircuitOpenedAsync(circuit, cancellationToken);
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var state = await auth.GetAuthenticationStateAsync();
        user.Set(state.User, _ip);
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(
        Func<CircuitInboundActivityContext, Task> next
    ) =>
        async context =>
        {
            if (auth is RevalidatingAuthState state)
                await state.EndIfSessionEndedAsync();
            await next(context);
        };

    private void Changed(Task<AuthenticationState> task) => _ = Update(task);

    private async Task Update(Task<AuthenticationState> task)
    {
        try
        {
            user.Set((await task).User, _ip);
        }
        catch (InvalidOperationException)
        { /* circuit closing */
        }
    }

    public void Dispose() => auth.AuthenticationStateChanged -= Changed;
}
