using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Tips;

/// <summary>A tip in the handlers' list. <see cref="Sender"/> is "匿名" or the kind and the name masked; the full name
/// only comes through the audited reveal.</summary>
public sealed record TipRow(
    Guid Id,
    string Number,
    TipStatus Status,
    string CategoryCode,
    Guid OrgUnitId,
    string? OrgUnitName,
    string? Address,
    string Body,
    TipSenderKind SenderKind,
    bool IsAnonymous,
    string Sender,
    DateTimeOffset CreatedAt,
    TipOutcome? Outcome,
    DateTimeOffset? ClosedAt,
    long Version
)
{
    public string StatusLabel => Status.Label();
    public string? OutcomeLabel => Outcome?.Label();

    public static string SenderOf(bool anonymous, TipSenderKind kind, string? name) =>
        anonymous ? "匿名" : $"{kind.Label()} {PersonName.Mask(name ?? "")}";
}
