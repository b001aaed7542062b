namespace Lianxin.Core.Work;

/// <summary>The work items counted by unit × kind: the kinds the asker may read (columns) and a row per unit just
/// below the top of the asker's scope, plus the top units' own level when they hold items themselves.</summary>
public sealed record WorkByUnit(DateTimeOffset At, IReadOnlyList<WorkItemKind> Kinds, IReadOnlyList<WorkUnitRow> Rows);
