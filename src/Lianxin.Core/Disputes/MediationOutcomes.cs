namespace Lianxin.Core.Disputes;

public static class MediationOutcomes
{
    public static string Label(this MediationOutcome outcome) =>
        outcome switch
        {
            MediationOutcome.Agreed => "达成协议",
            MediationOutcome.PartlyAgreed => "部分达成",
            MediationOutcome.NotAgreed => "未达成",
            MediationOutcome.Adjourned => "择期再调",
            _ => outcome.ToString(),
        };

    /// <summary>The dispute steps that usually follow this outcome, most likely first. An adjourned
    /// session is followed by another session, not by a step.</summary>
    public static IReadOnlyList<DisputeAction> SuggestedSteps(this MediationOutcome outcome) =>
        outcome switch
        {
            MediationOutcome.Agreed => [DisputeAction.Resolve],
            MediationOutcome.PartlyAgreed => [DisputeAction.RecordFailedAttempt, DisputeAction.Escalate, DisputeAction.Resolve],
            MediationOutcome.NotAgreed =>
            [
                DisputeAction.RecordFailedAttempt,
                DisputeAction.Escalate,
                DisputeAction.Refer,
                DisputeAction.Fail,
            ],
            _ => [],
        };

    /// <summary>The suggested steps the dispute allows right now (a level-4 dispute cannot escalate).</summary>
    public static IReadOnlyList<DisputeAction> NextSteps(this MediationOutcome outcome, IReadOnlyList<DisputeAction> allowed) =>
        outcome.SuggestedSteps().Where(allowed.Contains).ToList();
}
