namespace Lianxin.Core.Incidents;

public sealed record RevealedCaller(Guid Id, string Number, string? Name, string? Phone);
