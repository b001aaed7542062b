namespace Lianxin.Core.Incidents.Repeats;

public sealed record ClusterIncident(
    Guid Id,
    string Number,
    DateTimeOffset ReceivedAt,
    string CategoryCode,
    string? CategoryName,
    string? Address,
    string? CallerMasked,
    string Summary,
    Guid? DisputeId
);
