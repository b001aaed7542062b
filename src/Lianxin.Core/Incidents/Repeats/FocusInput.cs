namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Putting a cluster on the focus list: who follows it and an optional first note.</summary>
public sealed record FocusInput(string? OwnerId, string? Note);
