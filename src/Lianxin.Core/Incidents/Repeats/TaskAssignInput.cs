namespace Lianxin.Core.Incidents.Repeats;

public sealed record TaskAssignInput(string? AssigneeId);
