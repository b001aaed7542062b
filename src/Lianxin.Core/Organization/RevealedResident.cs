namespace Lianxin.Core.Organization;

public sealed record RevealedResident(Guid Id, string Name, string? IdNumber, string? Phone, DateOnly? BirthDate);
