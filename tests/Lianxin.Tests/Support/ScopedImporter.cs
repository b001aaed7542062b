using Lianxin.Core.Access;

namespace Lianxin.Tests.Support;

/// <summary>An account that may register incidents (and so import them) within <paramref name="scope"/>, for tests that
/// drive the import service directly rather than through the API.</summary>
public sealed class ScopedImporter(string userId, DataScope scope) : ICurrentUser
{
    public string? UserId => userId;
    public string UserName => "leader1";
    public string? IpAddress => null;

    public bool Has(string permission) => permission == Permissions.IncidentsRegister;

    public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(scope);
}
