using Lianxin.Core.Access;

namespace Lianxin.Core.Work;

/// <summary>What a source is asked: the asker's scope (resolved once for all sources), the asker, the time, how
/// many items per kind, and optionally one kind and one unit's subtree (<see cref="UnderPath"/>) to narrow to.</summary>
public sealed record WorkQuery(DataScope Scope, string UserId, DateTimeOffset Now, int Top, string? Kind = null, string? UnderPath = null)
{
    /// <summary>Whether the query asks for <paramref name="kind"/> at all.</summary>
    public bool Wants(WorkItemKind kind) => Kind is null || Kind == kind.Key;
}
