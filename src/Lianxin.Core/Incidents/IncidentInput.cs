namespace Lianxin.Core.Incidents;

/// <summary>One incident as the station or the 110 system hands it in. Codes come from the "incident-category"
/// dictionary; coordinates are WGS-84 longitude and latitude; the received time carries its offset.</summary>
public sealed record IncidentInput(
    string? Number,
    DateTimeOffset? ReceivedAt,
    string? CategoryCode,
    string? TypeCode,
    string? SubtypeCode,
    string? CallerName,
    string? CallerPhone,
    string? Address,
    double? Longitude,
    double? Latitude,
    string? Summary,
    string? Disposition,
    Guid? HandlingUnitId,
    string? HandlingOfficer,
    bool? Preventable = null,
    IncidentValidity? Validity = null,
    List<IncidentPartyInput?>? Parties = null
);
