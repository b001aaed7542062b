namespace Lianxin.Core.Incidents;

public sealed record IncidentRow(
    Guid Id,
    string Number,
    DateTimeOffset ReceivedAt,
    string CategoryCode,
    string? TypeCode,
    string? SubtypeCode,
    string? Address,
    string Summary,
    Guid? PlaceId,
    Guid OrgUnitId,
    string? OrgUnitName,
    string? HandlingOfficer,
    IncidentValidity Validity,
    bool Preventable,
    bool FlaggedRepeat,
    IncidentSource Source,
    long Version
)
{
    public string ValidityLabel => Validity.Label();
    public string SourceLabel => Source.Label();
}
