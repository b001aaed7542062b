namespace Lianxin.Core.Incidents.Repeats;

public sealed record DirectiveRow(
    Guid Id,
    string Number,
    DateOnly IssuedOn,
    string? Address,
    string? Category,
    string Content,
    string? OrgUnitName
);
