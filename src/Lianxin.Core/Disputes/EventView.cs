namespace Lianxin.Core.Disputes;

public sealed record EventView(
    Guid Id,
    DisputeEventKind Kind,
    DateTimeOffset At,
    string ById,
    DisputeStatus? FromStatus,
    MediationLevel? FromLevel,
    DisputeStatus ToStatus,
    MediationLevel? ToLevel,
    string? Reason,
    string? ByName = null
)
{
    public static EventView From(DisputeEvent e, IReadOnlyDictionary<string, string> names) =>
        new(e.Id, e.Kind, e.At, e.ById, e.FromStatus, e.FromLevel, e.ToStatus, e.ToLevel, e.Reason, names.GetValueOrDefault(e.ById));
}
