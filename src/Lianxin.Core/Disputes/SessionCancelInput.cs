namespace Lianxin.Core.Disputes;

public sealed record SessionCancelInput(string? Reason, long? Version);
