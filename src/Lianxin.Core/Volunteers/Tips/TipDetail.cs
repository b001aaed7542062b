namespace Lianxin.Core.Volunteers.Tips;

public sealed record TipDetail(
    TipRow Summary,
    string? CategoryName,
    double? Longitude,
    double? Latitude,
    string? HandlerId,
    string? HandlerName,
    string? CheckNote,
    Guid? IncidentId,
    Guid? CaseId,
    Guid? DisputeId,
    string? OutcomeText,
    DateTimeOffset? ActedAt,
    string? Feedback,
    string? DismissReason,
    IReadOnlyList<Guid> PhotoIds,
    bool CanRevealSender
);
