namespace Lianxin.Core.Volunteers;

public sealed record SquadFilter(string? Q = null, string? Type = null, Guid? OrgUnitId = null, bool? Active = null);
