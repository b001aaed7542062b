namespace Lianxin.Core.Incidents.Repeats;

public sealed record AssigneeChoice(string Id, string DisplayName);
