namespace Lianxin.Core.Disputes;

/// <summary>A counselling record. The counsellor is a member (by id) or named with an organisation.
/// The dispute and resident are fixed once recorded.</summary>
public sealed record CounsellingInput(
    Guid? DisputeId,
    Guid? ResidentId,
    Guid? CounsellorMemberId,
    string? CounsellorName,
    string? CounsellorOrganization,
    DateTimeOffset? At,
    CounsellingMethod? Method,
    string? Summary,
    bool? NeedsMore = null,
    DateTimeOffset? NextAt = null,
    long? Version = null
);
