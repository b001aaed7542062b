namespace Lianxin.Core.Volunteers;

public sealed record SquadMemberInput(Guid? VolunteerId, SquadRole? Role);
