using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

public sealed record AgreementView(
    Guid Id,
    Guid DisputeId,
    string Number,
    int Sequence,
    AgreementStatus Status,
    IReadOnlyList<AgreementPartyView> Parties,
    string Facts,
    string Responsibilities,
    string AgreedContent,
    string PerformanceMethod,
    DateOnly PerformanceDeadline,
    IReadOnlyList<string> Mediators,
    DateOnly? SignedOn,
    DateOnly? PerformedOn,
    string? PerformanceNote,
    DateTimeOffset? MissedAt,
    bool PerformanceDueSoon,
    bool Overdue,
    bool JudicialChosen,
    DateOnly? JudicialDeadline,
    DateOnly? JudicialAppliedOn,
    string? JudicialCourt,
    JudicialResult? JudicialResult,
    DateOnly? JudicialDecidedOn,
    bool JudicialWindowOpen,
    bool CanEdit,
    bool CanDraftNew,
    long Version,
    DateTimeOffset UpdatedAt
)
{
    public string StatusLabel => Status.Label();

    public static AgreementView From(MediationAgreement a, Dispute d, DateTimeOffset now, int reminderDays) =>
        new(
            a.Id,
            a.DisputeId,
            a.Number,
            a.Sequence,
            a.Status,
            a.Parties.Select(AgreementPartyView.From).ToList(),
            a.Facts,
            a.Responsibilities,
            a.AgreedContent,
            a.PerformanceMethod,
            a.PerformanceDeadline,
            a.Mediators,
            a.SignedOn,
            a.PerformedOn,
            a.PerformanceNote,
            a.MissedAt,
            a.PerformanceDueSoon(now, reminderDays),
            a.IsOverdue(now),
            a.JudicialChosen,
            a.JudicialDeadline,
            a.JudicialAppliedOn,
            a.JudicialCourt,
            a.JudicialResult,
            a.JudicialDecidedOn,
            a.JudicialDueAt is { } due && now < due,
            !a.IsSigned && MediationAgreement.AllowedIn(d.Status),
            a.CanBeSucceededIn(d) && MediationAgreement.AllowedIn(d.Status),
            a.Version,
            a.UpdatedAt
        );
}
