namespace Lianxin.Core.Incidents;

/// <summary>An incident in full, the caller masked.</summary>
public sealed record IncidentDetail(
    IncidentRow Summary,
    string? CallerNameMasked,
    string? CallerPhoneMasked,
    double? Longitude,
    double? Latitude,
    string? Disposition,
    Guid HandlingUnitId,
    string? HandlingUnitName,
    PlacementMethod? PlacedBy,
    Guid? RepeatOfId,
    string? RepeatOfNumber,
    Guid? DisputeId,
    string? DisputeNumber,
    Guid? CaseId,
    Guid? ImportBatchId,
    IReadOnlyList<LinkedIncident> Related,
    IReadOnlyList<IncidentPartyView> Parties
)
{
    public string? PlacedByLabel => PlacedBy?.Label();
}
