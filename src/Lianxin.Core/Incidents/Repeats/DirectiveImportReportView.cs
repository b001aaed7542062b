namespace Lianxin.Core.Incidents.Repeats;

/// <summary>What a stored report says about its import.</summary>
public sealed record DirectiveImportReportView(
    Guid Id,
    string FileName,
    DateTimeOffset ImportedAt,
    int Lines,
    int Added,
    int AlreadyThere,
    int ProblemCount,
    string? OrgUnitName
);
