namespace Lianxin.Core.Disputes;

public sealed record FollowUpView(
    Guid Id,
    DateTimeOffset DueAt,
    DateTimeOffset? DoneAt,
    FollowUpResult? Result,
    string? Note,
    DateTimeOffset? CancelledAt,
    string? AssignedToId = null,
    string? AssignedToName = null,
    DateTimeOffset? RemindedAt = null
)
{
    public static FollowUpView From(FollowUp f, IReadOnlyDictionary<string, string> names) =>
        new(f.Id, f.DueAt, f.DoneAt, f.Result, f.Note, f.CancelledAt, f.VisitorId, names.GetValueOrDefault(f.VisitorId), f.RemindedAt);
}
