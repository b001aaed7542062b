namespace Lianxin.Core.Disputes;

/// <summary>The follow-up record (回访记录) of one visit, as printed.</summary>
public sealed record FollowUpRecordPrint(
    string DisputeNumber,
    string DisputeTitle,
    string? UnitName,
    IReadOnlyList<PartyView> Parties,
    DateTimeOffset? EndedAt,
    FollowUpView FollowUp
);
