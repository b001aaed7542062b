namespace Lianxin.Core.Volunteers.Activities;

/// <summary>What staff write when they publish or edit an activity. <see cref="Version"/> only on an edit.</summary>
public sealed record ActivityInput(
    Guid? OrgUnitId,
    ActivityKind? Kind,
    string? Title,
    string? Description,
    string? Place,
    double? Lat,
    double? Lng,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    int? Quota,
    List<string>? SkillCodes = null,
    List<Guid>? SquadIds = null,
    bool Publish = false,
    long? Version = null
);
