namespace Lianxin.Core.Disputes;

/// <summary>A 110 incident linked to a dispute, as the dispute page lists it (opening <c>/incidents/{Id}</c>).</summary>
public sealed record DisputeIncidentView(Guid Id, string Number, DateTimeOffset ReceivedAt, string Summary);
