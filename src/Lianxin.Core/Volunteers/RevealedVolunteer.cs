namespace Lianxin.Core.Volunteers;

public sealed record RevealedVolunteer(Guid Id, string Name, string? Phone, string? IdNumber);
