namespace Lianxin.Core.Disputes;

/// <summary>The mediation record (调解笔录) of one session, as printed.</summary>
public sealed record SessionRecordPrint(
    string DisputeNumber,
    string DisputeTitle,
    string? UnitName,
    IReadOnlyList<PartyView> Parties,
    SessionView Session
);
