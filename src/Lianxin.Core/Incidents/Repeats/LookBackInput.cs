namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A new look-back plan. TasksPerWeek (1–3) alternates patrols and spot checks, a patrol first.</summary>
public sealed record LookBackInput(
    Guid? OrgUnitId,
    string? Address,
    LookBackCategory? Category,
    DateOnly? DealtOn,
    int? Weeks,
    int? TasksPerWeek = 1,
    string? AssigneeId = null,
    string? Note = null
);
