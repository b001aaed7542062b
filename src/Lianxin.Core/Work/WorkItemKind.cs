namespace Lianxin.Core.Work;

/// <summary>A kind of work item: a stable key (<c>dispute-limit</c>), its Chinese name, and where it sorts on
/// the home page (lower first).</summary>
public sealed record WorkItemKind(string Key, string Label, int Order);
