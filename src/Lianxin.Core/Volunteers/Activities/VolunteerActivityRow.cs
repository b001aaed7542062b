namespace Lianxin.Core.Volunteers.Activities;

/// <summary>An activity as a volunteer sees it: no other volunteer's name or number, only how many places are taken.</summary>
public sealed record VolunteerActivityRow(
    Guid Id,
    ActivityKind Kind,
    string Title,
    string? Description,
    string Place,
    bool HasLocation,
    double? Lat,
    double? Lng,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    int Quota,
    int Taken,
    string? OrgUnitName,
    string OrganizerName,
    IReadOnlyList<string> SkillCodes,
    IReadOnlyList<string> SkillsMatched,
    MySignup? Mine
)
{
    public string KindLabel => Kind.Label();
    public bool Full => Taken >= Quota;
}
