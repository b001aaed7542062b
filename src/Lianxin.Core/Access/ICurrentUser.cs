namespace Lianxin.Core.Access;

/// <summary>Who is acting. The web host fills it from the signed-in principal; commands such as
/// the demo seed act as the system.</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    string UserName { get; }
    string? IpAddress { get; }
    bool Has(string permission);
    Task<DataScope> GetScopeAsync(CancellationToken ct = default);
}
