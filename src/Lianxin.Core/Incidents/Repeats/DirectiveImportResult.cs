namespace Lianxin.Core.Incidents.Repeats;

/// <param name="ReportId">The stored error report when rows were refused (download it from the errors route); null when none were.</param>
public sealed record DirectiveImportResult(int Added, int AlreadyThere, IReadOnlyList<DirectiveProblem> Problems, Guid? ReportId = null);
