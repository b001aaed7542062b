namespace Lianxin.Core.Incidents;

/// <summary>An edit replaces every editable field: a null optional field is cleared; a null <see cref="Preventable"/>
/// or <see cref="Validity"/> keeps the stored value. Number, time, caller and address are as received and stay.
/// <see cref="Parties"/> null keeps the parties; a list replaces them.</summary>
public sealed record IncidentEditInput(
    string? CategoryCode,
    string? TypeCode,
    string? SubtypeCode,
    string? Disposition,
    string? HandlingOfficer,
    bool? Preventable,
    IncidentValidity? Validity,
    Guid? RepeatOfId,
    Guid? DisputeId,
    long? Version,
    List<IncidentPartyInput?>? Parties = null
);
