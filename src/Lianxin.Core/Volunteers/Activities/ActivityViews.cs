namespace Lianxin.Core.Volunteers.Activities;

/// <summary>What staff write when they publish or edit an activity. <see cref="Version"/> only on an edit.</summary>
public sealed record ActivityInput(Guid? OrgUnitId, ActivityKind? Kind, string? Title, string? Description, string? Place, double? Lat, double? Lng,
    DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, int? Quota, List<string>? SkillCodes = null, List<Guid>? SquadIds = null,
    bool Publish = false, long? Version = null);

/// <summary>Ledger filters; <see cref="From"/>/<see cref="To"/> are China dates of the start, both days included.</summary>
public sealed record ActivityFilter(string? Q = null, ActivityStatus? Status = null, ActivityKind? Kind = null, Guid? OrgUnitId = null,
    DateOnly? From = null, DateOnly? To = null);

public sealed record ActivityRow(Guid Id, ActivityKind Kind, string Title, string Place, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Quota,
    ActivityStatus Status, Guid OrgUnitId, string? OrgUnitName, string OrganizerName, int Approved, int Pending, int Waitlisted, long Version)
{
    public string KindLabel => Kind.Label();
    public string StatusLabel => Status.Label();
}

public sealed record SignupView(Guid Id, Guid VolunteerId, string VolunteerName, string? PhoneMasked, SignupStatus Status, int? WaitRank,
    DateTimeOffset SignedUpAt, string? Reason, DateTimeOffset? CheckedInAt, CheckMethod? CheckInMethod, DateTimeOffset? CheckedOutAt,
    CheckMethod? CheckOutMethod, int? MinutesCredited, int? PointsCredited)
{
    public string StatusLabel => Status.Label();
}

public sealed record ActivityDetail(ActivityRow Summary, string? Description, double? Lat, double? Lng, IReadOnlyList<string> SkillCodes,
    IReadOnlyList<SquadRef> Squads, string? CancelReason, DateTimeOffset? FinishedAt, Guid? ReportPostId, IReadOnlyList<SignupView> Signups);

public sealed record SquadRef(Guid Id, string Name);

/// <summary>A volunteer's own place on an activity.</summary>
public sealed record MySignup(Guid Id, SignupStatus Status, int? WaitRank, DateTimeOffset? CheckedInAt, DateTimeOffset? CheckedOutAt, int? MinutesCredited)
{
    public string StatusLabel => Status.Label();
}

/// <summary>An activity as a volunteer sees it: no other volunteer's name or number, only how many places are taken.</summary>
public sealed record VolunteerActivityRow(Guid Id, ActivityKind Kind, string Title, string? Description, string Place, bool HasLocation,
    double? Lat, double? Lng, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Quota, int Taken, string? OrgUnitName, string OrganizerName,
    IReadOnlyList<string> SkillCodes, IReadOnlyList<string> SkillsMatched, MySignup? Mine)
{
    public string KindLabel => Kind.Label();
    public bool Full => Taken >= Quota;
}

public sealed record CreditLine(Guid? ActivityId, string? Title, DateTimeOffset At, int Minutes, int Points);

public sealed record MyHours(int TotalMinutes, int TotalPoints, int Activities, IReadOnlyList<CreditLine> Recent);

public sealed record CheckInput(double? Lat = null, double? Lng = null, DateTimeOffset? At = null);

public sealed record ReasonInput(string? Reason, long? Version = null);

public sealed record VersionInput(long? Version);

/// <summary>A photo sent with a report.</summary>
public sealed record PhotoUpload(string FileName, Stream Content);
