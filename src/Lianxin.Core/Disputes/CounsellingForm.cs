namespace Lianxin.Core.Disputes;

/// <summary>What a counselling record is given. The summary arrives in clear and is stored encrypted.</summary>
public sealed record CounsellingForm
{
    public Guid? DisputeId { get; init; }
    public Guid? ResidentId { get; init; }
    public Guid? CounsellorMemberId { get; init; }
    public string? CounsellorName { get; init; }
    public string? CounsellorOrganization { get; init; }
    public DateTimeOffset? At { get; init; }
    public CounsellingMethod? Method { get; init; }
    public string? Summary { get; init; }
    public bool NeedsMore { get; init; }
    public DateTimeOffset? NextAt { get; init; }
}
