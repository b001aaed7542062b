using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Data;

namespace Lianxin.Web.Access;

/// <summary>The acting user, from the request's principal or, inside an interactive circuit, from the
/// circuit's authentication state. Scope is resolved once per scope (request or operation).</summary>
public sealed class CurrentUser(IHttpContextAccessor http, IServiceProvider services) : ICurrentUser
{
    private ClaimsPrincipal? _principal;
    private string? _ip;
    private DataScope? _scope;

    public ClaimsPrincipal Principal => _principal ?? http.HttpContext?.User ?? new ClaimsPrincipal(new ClaimsIdentity());

    /// <summary>Used where there is no request: circuits and operation scopes created by pages.</summary>
    public void Set(ClaimsPrincipal principal, string? ip)
    {
        _principal = principal;
        _ip = ip;
        _scope = null;
    }

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => IsAuthenticated ? Principal.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    public string UserName =>
        Principal.FindFirstValue(LianxinClaims.DisplayName) is { Length: > 0 } name ? $"{name}（{Principal.Identity?.Name}）"
        : IsAuthenticated ? Principal.Identity?.Name ?? ""
        : http.HttpContext is null ? "系统"
        : "匿名";
    public string? IpAddress => _ip ?? http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public bool Has(string permission) => Principal.HasClaim(Permissions.ClaimType, permission);

    public async Task<DataScope> GetScopeAsync(CancellationToken ct = default)
    {
        if (_scope is not null)
            return _scope;
        if (UserId is not { } id)
            return _scope = DataScope.Nothing;
        var db = services.GetRequiredService<LianxinDbContext>();
        return _scope = (await services.GetRequiredService<AccessCache>().OfAsync(db, id, ct)).Scope;
    }
}
