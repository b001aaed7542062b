namespace Lianxin.Core.Volunteers.Activities;

/// <summary>Ledger filters; <see cref="From"/>/<see cref="To"/> are China dates of the start, both days included.</summary>
public sealed record ActivityFilter(
    string? Q = null,
    ActivityStatus? Status = null,
    ActivityKind? Kind = null,
    Guid? OrgUnitId = null,
    DateOnly? From = null,
    DateOnly? To = null
);
