namespace Lianxin.Core.Volunteers.Activities;

public sealed record ReportView(
    Guid PostId,
    Guid ActivityId,
    string AuthorName,
    string? Title,
    string Body,
    DateTimeOffset At,
    IReadOnlyList<Guid> PhotoIds
);
