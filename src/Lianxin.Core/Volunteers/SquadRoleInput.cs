namespace Lianxin.Core.Volunteers;

public sealed record SquadRoleInput(SquadRole? Role);
