namespace Lianxin.Core.Incidents.Import;

/// <summary>An import batch's state machine in one table: an unfinished batch (Reading, or Staged as earlier
/// versions left it) may be run again, completed or given up; a done or failed batch is final.</summary>
public static class ImportTransitions
{
    public static IReadOnlyList<ImportAction> Allowed(IncidentImportStatus status) =>
        status switch
        {
            IncidentImportStatus.Reading or IncidentImportStatus.Staged => [ImportAction.Run, ImportAction.Complete, ImportAction.GiveUp],
            _ => [],
        };

    public static bool IsAllowed(IncidentImportStatus status, ImportAction action) => Allowed(status).Contains(action);

    public static bool IsUnfinished(this IncidentImportStatus status) => IsAllowed(status, ImportAction.Run);

    /// <summary>"导入批次当前为“已完成”，不能完成导入。当前可以：无。" — what a refused person reads.</summary>
    public static string RefusalMessage(IncidentImportStatus status, ImportAction action)
    {
        var allowed = Allowed(status);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"导入批次当前为“{status.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
