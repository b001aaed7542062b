namespace Lianxin.Core.Volunteers.Activities;

/// <summary>A finished activity still waiting for its report, as the squad leader who may write it sees it.</summary>
public sealed record ReportDue(
    Guid ActivityId,
    ActivityKind Kind,
    string Title,
    string Place,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt
)
{
    public string KindLabel => Kind.Label();
}
