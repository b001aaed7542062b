namespace Lianxin.Core.Disputes;

/// <summary>The whole list for one category. Version 0 when the category still uses the defaults.</summary>
public sealed record ForceListInput(List<ForceInput>? Forces, long? Version);
