namespace Lianxin.Core.Incidents.Cases;

public sealed record CaseRow(
    Guid Id,
    string Number,
    string Title,
    CaseKind Kind,
    int LimitDays,
    Guid OrgUnitId,
    string? OrgUnitName,
    Guid? IncidentId,
    string? IncidentNumber,
    string? HandlingOfficerId,
    string HandlingOfficer,
    CaseStatus Status,
    DateTimeOffset RegisteredAt,
    DateTimeOffset WarnAt,
    DateTimeOffset DueAt,
    DateTimeOffset? ConcludedAt,
    string? Summary,
    string? Conclusion,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? OverdueNotifiedAt,
    long Version,
    CaseTimeState TimeState,
    long? RemainingMinutes
)
{
    public string KindLabel => Kind.Label();
    public string StatusLabel => Status.Label();
}
