namespace Lianxin.Core.Work;

/// <summary>One thing to do: the record it is about and the page that opens it (<see cref="Href"/>), what it is
/// (<see cref="Title"/>, <see cref="Number"/>), why it is due (<see cref="Detail"/>), when, and whether it is
/// past that time.</summary>
public sealed record WorkItem(
    string Kind,
    Guid RecordId,
    string Title,
    string? Number,
    string Detail,
    DateTimeOffset? DueAt,
    bool Overdue,
    Guid OrgUnitId,
    string Href
);
