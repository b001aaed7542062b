namespace Lianxin.Core.Disputes;

/// <summary>A mediator from the registry (by member id) or from outside (name and organisation).</summary>
public sealed record MediatorInput(Guid? MemberId, string? Name = null, string? Organization = null);
