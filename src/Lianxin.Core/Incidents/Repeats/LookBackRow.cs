namespace Lianxin.Core.Incidents.Repeats;

public sealed record LookBackRow(
    Guid Id,
    string Address,
    LookBackCategory Category,
    Guid OrgUnitId,
    string? OrgUnitName,
    DateOnly DealtOn,
    int Weeks,
    int Tasks,
    int Done,
    int FoundAgain
)
{
    public string CategoryLabel => Category.Label();
}
