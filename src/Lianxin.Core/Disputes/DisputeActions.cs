namespace Lianxin.Core.Disputes;

public static class DisputeActions
{
    public static string Label(this DisputeAction action) =>
        action switch
        {
            DisputeAction.Triage => "分流研判",
            DisputeAction.StartMediation => "开始调解",
            DisputeAction.Escalate => "升级调解",
            DisputeAction.RecordFailedAttempt => "记录本级调解未成",
            DisputeAction.Resolve => "登记化解",
            DisputeAction.Refer => "移交",
            DisputeAction.Fail => "终结为调解不成",
            DisputeAction.Withdraw => "撤回",
            DisputeAction.EditParties => "修改当事人",
            DisputeAction.ScheduleFollowUp => "安排回访",
            DisputeAction.RecordFollowUp => "记录回访",
            DisputeAction.Close => "结案",
            DisputeAction.Reopen => "复发重启",
            DisputeAction.AcknowledgeReferral => "登记移交签收",
            DisputeAction.RecordReferralResult => "登记移交结果",
            _ => action.ToString(),
        };
}
