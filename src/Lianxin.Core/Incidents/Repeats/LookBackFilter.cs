namespace Lianxin.Core.Incidents.Repeats;

public sealed record LookBackFilter(Guid? OrgUnitId = null, LookBackCategory? Category = null, bool? Open = null);
