namespace Lianxin.Core.Incidents.Repeats;

public sealed record TaskResultInput(LookBackResult? Result, string? Note);
