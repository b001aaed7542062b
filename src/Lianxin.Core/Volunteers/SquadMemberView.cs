namespace Lianxin.Core.Volunteers;

public sealed record SquadMemberView(
    Guid Id,
    Guid VolunteerId,
    string Name,
    string? PhoneMasked,
    SquadRole Role,
    VolunteerStatus Status,
    DateTimeOffset JoinedAt
)
{
    public string RoleLabel => Role.Label();
}
