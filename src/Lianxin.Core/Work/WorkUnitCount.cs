namespace Lianxin.Core.Work;

/// <summary>How many items of one kind are held by one unit (the unit of the record, not rolled up).</summary>
public sealed record WorkUnitCount(string Kind, Guid OrgUnitId, int Count);
