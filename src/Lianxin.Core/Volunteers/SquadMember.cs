namespace Lianxin.Core.Volunteers;

public sealed class SquadMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SquadId { get; set; }
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public SquadRole Role { get; set; } = SquadRole.Member;
    public DateTimeOffset JoinedAt { get; set; }
}
