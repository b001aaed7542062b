namespace Lianxin.Core.Volunteers.Activities;

public sealed record ReasonInput(string? Reason, long? Version = null);
