namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Changing owner or status of a focus-list cluster; version as read.</summary>
public sealed record FocusUpdate(string? OwnerId, FocusStatus? Status, long? Version);
