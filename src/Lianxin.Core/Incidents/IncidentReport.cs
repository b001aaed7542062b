using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents;

/// <summary>An incident as it is received (by hand, from the 110 system, from a file, or made up by the demo), the
/// input of <see cref="Incident.Receive"/>. A struct, so the bulk paths build their rows without an extra object each.</summary>
public readonly record struct IncidentReport
{
    /// <summary>Set only where ids are drawn in advance (the demo's repeatable ids); otherwise a new id.</summary>
    public Guid? Id { get; init; }
    public string Number { get; init; }
    public DateTimeOffset ReceivedAt { get; init; }
    public string CategoryCode { get; init; }
    public string? TypeCode { get; init; }
    public string? SubtypeCode { get; init; }
    public ProtectedText? CallerName { get; init; }
    public ProtectedText? CallerPhone { get; init; }
    public string? Address { get; init; }
    public string? AddressKey { get; init; }
    public double? Longitude { get; init; }
    public double? Latitude { get; init; }
    public string Summary { get; init; }
    public string? Disposition { get; init; }
    public Guid HandlingUnitId { get; init; }
    public string? HandlingOfficer { get; init; }
    public bool Preventable { get; init; }

    /// <summary>Null is <see cref="IncidentValidity.Valid"/>.</summary>
    public IncidentValidity? Validity { get; init; }
    public IncidentSource Source { get; init; }
    public Guid? ImportBatchId { get; init; }
}
