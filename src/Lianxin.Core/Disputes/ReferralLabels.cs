namespace Lianxin.Core.Disputes;

public static class ReferralLabels
{
    public static string Label(this ReferralReceiverKind kind) =>
        kind switch
        {
            ReferralReceiverKind.JudicialOffice => "司法所",
            ReferralReceiverKind.CourtPreLitigation => "法院诉前调解",
            ReferralReceiverKind.LabourArbitration => "劳动仲裁",
            ReferralReceiverKind.PetitionOffice => "信访部门",
            ReferralReceiverKind.OtherDepartment => "其他部门",
            _ => kind.ToString(),
        };

    public static string Label(this ReferralOutcome outcome) =>
        outcome switch
        {
            ReferralOutcome.Resolved => "已化解",
            ReferralOutcome.NotResolved => "未化解",
            ReferralOutcome.Returned => "退回",
            _ => outcome.ToString(),
        };

    public static string Label(this ReferralChannel channel) =>
        channel switch
        {
            ReferralChannel.Staff => "民警代为登记",
            ReferralChannel.Link => "接收单位经移交链接填报",
            _ => channel.ToString(),
        };
}
