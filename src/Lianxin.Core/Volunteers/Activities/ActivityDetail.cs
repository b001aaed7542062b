namespace Lianxin.Core.Volunteers.Activities;

public sealed record ActivityDetail(
    ActivityRow Summary,
    string? Description,
    double? Lat,
    double? Lng,
    IReadOnlyList<string> SkillCodes,
    IReadOnlyList<SquadRef> Squads,
    string? CancelReason,
    DateTimeOffset? FinishedAt,
    Guid? ReportPostId,
    IReadOnlyList<SignupView> Signups
);
