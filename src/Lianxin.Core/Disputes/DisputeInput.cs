namespace Lianxin.Core.Disputes;

public sealed record DisputeInput(
    string? Title,
    string? CategoryCode,
    string? Description,
    DisputeSource? Source,
    Guid? OrgUnitId,
    string? Address,
    List<PartyInput>? Parties
);
