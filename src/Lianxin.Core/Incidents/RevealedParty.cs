namespace Lianxin.Core.Incidents;

public sealed record RevealedParty(Guid Id, IncidentPartyRole Role, string? Name, string? IdNumber, string? Phone);
