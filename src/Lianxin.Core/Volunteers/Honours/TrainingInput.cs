namespace Lianxin.Core.Volunteers.Honours;

public sealed record TrainingInput(
    Guid? OrgUnitId,
    string? Title,
    string? Topic,
    string? Trainer,
    string? Place,
    DateTimeOffset? StartsAt,
    decimal? Hours,
    int? Points
);
