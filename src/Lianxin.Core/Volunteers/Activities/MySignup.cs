namespace Lianxin.Core.Volunteers.Activities;

/// <summary>A volunteer's own place on an activity.</summary>
public sealed record MySignup(
    Guid Id,
    SignupStatus Status,
    int? WaitRank,
    DateTimeOffset? CheckedInAt,
    DateTimeOffset? CheckedOutAt,
    int? MinutesCredited
)
{
    public string StatusLabel => Status.Label();
}
