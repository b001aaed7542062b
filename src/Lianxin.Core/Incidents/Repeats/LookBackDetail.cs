namespace Lianxin.Core.Incidents.Repeats;

public sealed record LookBackDetail(LookBackRow Summary, string? Note, IReadOnlyList<LookBackTaskView> Tasks);
