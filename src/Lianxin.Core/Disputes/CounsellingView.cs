namespace Lianxin.Core.Disputes;

/// <summary>Summary is null, and SummaryHidden true, for a reader who does not mediate.</summary>
public sealed record CounsellingView(
    Guid Id,
    Guid? DisputeId,
    string? DisputeNumber,
    string? DisputeTitle,
    Guid? ResidentId,
    string? ResidentName,
    Guid? CounsellorMemberId,
    string CounsellorName,
    string? CounsellorOrganization,
    DateTimeOffset At,
    CounsellingMethod Method,
    string? Summary,
    bool SummaryHidden,
    bool NeedsMore,
    DateTimeOffset? NextAt,
    long Version
)
{
    public string MethodLabel => Method.Label();
}
