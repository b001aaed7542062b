namespace Lianxin.Core.Organization;

public sealed record RevealedMember(Guid Id, string Name, string? Phone);
