namespace Lianxin.Core.Incidents.Repeats;

public sealed record LookBackTaskView(
    Guid Id,
    int Week,
    LookBackTaskKind Kind,
    DateTimeOffset DueAt,
    string? AssigneeId,
    string? AssigneeName,
    LookBackResult? Result,
    string? ResultNote,
    DateTimeOffset? DoneAt,
    string? DoneByName
)
{
    public string KindLabel => Kind.Label();
    public string? ResultLabel => Result?.Label();
}
