namespace Lianxin.Core.Volunteers.Activities;

public sealed record SignupView(
    Guid Id,
    Guid VolunteerId,
    string VolunteerName,
    string? PhoneMasked,
    SignupStatus Status,
    int? WaitRank,
    DateTimeOffset SignedUpAt,
    string? Reason,
    DateTimeOffset? CheckedInAt,
    CheckMethod? CheckInMethod,
    DateTimeOffset? CheckedOutAt,
    CheckMethod? CheckOutMethod,
    int? MinutesCredited,
    int? PointsCredited
)
{
    public string StatusLabel => Status.Label();
}
