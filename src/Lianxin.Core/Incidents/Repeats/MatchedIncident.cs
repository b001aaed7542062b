namespace Lianxin.Core.Incidents.Repeats;

public sealed record MatchedIncident(
    Guid Id,
    string Number,
    DateTimeOffset ReceivedAt,
    string CategoryCode,
    string? CategoryName,
    string? Address,
    string Summary,
    bool SameAddress
);
