namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A correction of a session: everything the create takes, plus the version the editor saw.</summary>
public sealed record TrainingUpdateInput(
    Guid? OrgUnitId,
    string? Title,
    string? Topic,
    string? Trainer,
    string? Place,
    DateTimeOffset? StartsAt,
    decimal? Hours,
    int? Points,
    long? Version
);
