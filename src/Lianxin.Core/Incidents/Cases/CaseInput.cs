namespace Lianxin.Core.Incidents.Cases;

public sealed record CaseInput(
    string? Number,
    string? Title,
    CaseKind? Kind,
    Guid? OrgUnitId,
    Guid? IncidentId,
    string? HandlingOfficerId,
    string? HandlingOfficer,
    string? Summary
);
