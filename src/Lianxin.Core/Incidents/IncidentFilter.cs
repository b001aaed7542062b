namespace Lianxin.Core.Incidents;

/// <summary>Ledger filters. From/To are China dates of the received time, both included; <see cref="Unplaced"/> is the
/// placement queue; <see cref="Q"/> searches the 110 number, the summary, the address (by its match key), the caller's name and
/// the caller's or a party's phone (exactly, by their blind indexes).</summary>
public sealed record IncidentFilter(
    string? Q = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Category = null,
    Guid? OrgUnitId = null,
    IncidentValidity? Validity = null,
    bool? Preventable = null,
    bool? Unplaced = null,
    bool? Flagged = null,
    IncidentSource? Source = null
);
