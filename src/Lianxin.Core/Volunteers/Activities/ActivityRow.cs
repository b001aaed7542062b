namespace Lianxin.Core.Volunteers.Activities;

public sealed record ActivityRow(
    Guid Id,
    ActivityKind Kind,
    string Title,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Quota,
    ActivityStatus Status,
    Guid OrgUnitId,
    string? OrgUnitName,
    string OrganizerName,
    int Approved,
    int Pending,
    int Waitlisted,
    long Version
)
{
    public string KindLabel => Kind.Label();
    public string StatusLabel => Status.Label();
}
