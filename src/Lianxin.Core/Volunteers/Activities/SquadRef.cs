namespace Lianxin.Core.Volunteers.Activities;

public sealed record SquadRef(Guid Id, string Name);
