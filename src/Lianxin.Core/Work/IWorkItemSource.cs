namespace Lianxin.Core.Work;

/// <summary>One feature's share of "my work today": what is due or overdue in the asker's scope. Each feature
/// implements it in its own folder and registers it in its <c>Add&lt;Feature&gt;</c>; <see cref="WorkService"/> asks
/// every registered source and names none. A source answers only the kinds its user may read (none without the
/// feature's read permission), reads the scope from <see cref="WorkQuery"/> and keeps to indexed columns: a count
/// and the first <see cref="WorkQuery.Top"/> items per kind, and counts grouped by unit.</summary>
public interface IWorkItemSource
{
    /// <summary>The kinds this source may answer, whatever the user.</summary>
    IReadOnlyList<WorkItemKind> Kinds { get; }

    /// <summary>Per kind the user may read: the total and the most urgent items, most urgent first.</summary>
    Task<IReadOnlyList<WorkItemGroup>> TodayAsync(WorkQuery query, CancellationToken ct);

    /// <summary>Per kind the user may read, the due items counted by the unit that holds them.</summary>
    Task<IReadOnlyList<WorkUnitCount>> CountByUnitAsync(WorkQuery query, CancellationToken ct);
}
