namespace Lianxin.Core.Organization;

/// <summary>A record that belongs to a place and so falls under data scope.</summary>
public interface IScoped
{
    Guid OrgUnitId { get; }
    OrgUnit? OrgUnit { get; }
    string? CreatedById { get; }
}
