namespace Lianxin.Core.Disputes;

public sealed record ReferralView(
    Guid Id,
    Guid DisputeId,
    ReferralReceiverKind ReceiverKind,
    string ReceiverOrganization,
    string? ContactName,
    string? ContactPhoneMasked,
    string Facts,
    string Reason,
    string? WorkDone,
    string? Materials,
    DateTimeOffset ReferredAt,
    string ReferredById,
    DateTimeOffset AcknowledgeDueAt,
    bool Overdue,
    DateTimeOffset? AcknowledgedAt,
    ReferralChannel? AcknowledgedVia,
    string? AcknowledgedByName,
    DateTimeOffset? ResultAt,
    ReferralOutcome? Outcome,
    string? ResultText,
    ReferralChannel? ResultVia,
    string? ResultByName,
    bool ResultLate,
    DateTimeOffset? LinkIssuedAt,
    DateTimeOffset? LinkExpiresAt,
    bool LinkActive,
    long Version
)
{
    public string ReceiverKindLabel => ReceiverKind.Label();
    public string? OutcomeLabel => Outcome?.Label();

    public static ReferralView From(Referral r, DateTimeOffset now) =>
        new(
            r.Id,
            r.DisputeId,
            r.ReceiverKind,
            r.ReceiverOrganization,
            r.ContactName,
            r.ContactPhoneMasked,
            r.Facts,
            r.Reason,
            r.WorkDone,
            r.Materials,
            r.ReferredAt,
            r.ReferredById,
            r.AcknowledgeDueAt,
            r.IsOverdue(now),
            r.AcknowledgedAt,
            r.AcknowledgedVia,
            r.AcknowledgedByName,
            r.ResultAt,
            r.Outcome,
            r.ResultText,
            r.ResultVia,
            r.ResultByName,
            r.IsResultLate(now),
            r.LinkIssuedAt,
            r.LinkExpiresAt,
            r.LinkWorks(now),
            r.Version
        );
}
