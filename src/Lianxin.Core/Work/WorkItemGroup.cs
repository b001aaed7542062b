namespace Lianxin.Core.Work;

/// <summary>The items of one kind: how many are due in all, and the first of them, most urgent first.</summary>
public sealed record WorkItemGroup(string Kind, string Label, int Order, int Total, IReadOnlyList<WorkItem> Items);
