namespace Lianxin.Core.Volunteers;

public sealed record SquadVersionInput(long? Version);
