namespace Lianxin.Core.Incidents.Cases;

public sealed record CaseFilter(
    string? Q = null,
    CaseStatus? Status = null,
    CaseKind? Kind = null,
    Guid? OrgUnitId = null,
    bool? Overdue = null,
    bool? Nearing = null
);
