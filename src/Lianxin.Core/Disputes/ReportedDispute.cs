namespace Lianxin.Core.Disputes;

/// <summary>What the person who reported a dispute (an informant: a household head, a security committee member) is
/// told about it: where it stands and how it ended. No parties, no timeline, no mediation records.</summary>
public sealed record ReportedDispute(
    Guid Id,
    string Number,
    string Title,
    DisputeStatus Status,
    string StatusLabel,
    string? OrgUnitName,
    DateTimeOffset RegisteredAt,
    DateTimeOffset? EndedAt,
    string Outcome,
    long Version
)
{
    /// <summary>The outcome in one sentence a reporter can read; the receiver of a referral is named, nobody else.</summary>
    public static string OutcomeOf(DisputeStatus status, string? referredTo) =>
        status switch
        {
            DisputeStatus.Registered or DisputeStatus.Triaged => "已受理，正在研判处理",
            DisputeStatus.Mediating => "正在调解",
            DisputeStatus.Resolved => "已调解化解，将安排回访",
            DisputeStatus.Closed => "已化解，回访后结案",
            DisputeStatus.Referred => referredTo is null ? "已移交有关部门处理" : $"已移交{referredTo}处理",
            DisputeStatus.Failed => "调解未能达成一致，已告知当事人其他解决途径",
            DisputeStatus.Withdrawn => "当事人已撤回",
            _ => status.Label(),
        };
}
