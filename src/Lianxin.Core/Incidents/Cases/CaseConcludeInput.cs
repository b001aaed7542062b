namespace Lianxin.Core.Incidents.Cases;

public sealed record CaseConcludeInput(string? Conclusion, long? Version);
