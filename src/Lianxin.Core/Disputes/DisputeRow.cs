namespace Lianxin.Core.Disputes;

public sealed record DisputeRow(
    Guid Id,
    string Number,
    string Title,
    string CategoryCode,
    DisputeSource Source,
    DisputeStatus Status,
    MediationLevel? Level,
    DisputeRisk? Risk,
    Guid OrgUnitId,
    string? OrgUnitName,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? LimitStartedAt,
    DateTimeOffset? EndedAt,
    long Version
)
{
    public string StatusLabel => Status.Label();
    public string? LevelLabel => Level?.Label();
}
