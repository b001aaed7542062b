namespace Lianxin.Core.Disputes;

/// <summary>Who a dispute is transferred to through the police–mediation link (警调衔接 / 诉调对接).</summary>
public enum ReferralReceiverKind
{
    JudicialOffice = 1,      // 司法所
    CourtPreLitigation = 2,  // 法院诉前调解
    LabourArbitration = 3,   // 劳动仲裁
    PetitionOffice = 4,      // 信访部门
    OtherDepartment = 5,     // 其他部门
}

/// <summary>What the receiver reports back at the end.</summary>
public enum ReferralOutcome
{
    Resolved = 1,     // 已化解
    NotResolved = 2,  // 未化解
    Returned = 3,     // 退回
}

/// <summary>How an acknowledgement or a result reached the station.</summary>
public enum ReferralChannel
{
    Staff = 1,  // entered by station staff (phone call, paper receipt)
    Link = 2,   // by the receiver through the one-time link
}

public static class ReferralLabels
{
    public static string Label(this ReferralReceiverKind kind) => kind switch
    {
        ReferralReceiverKind.JudicialOffice => "司法所",
        ReferralReceiverKind.CourtPreLitigation => "法院诉前调解",
        ReferralReceiverKind.LabourArbitration => "劳动仲裁",
        ReferralReceiverKind.PetitionOffice => "信访部门",
        ReferralReceiverKind.OtherDepartment => "其他部门",
        _ => kind.ToString(),
    };

    public static string Label(this ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.Resolved => "已化解",
        ReferralOutcome.NotResolved => "未化解",
        ReferralOutcome.Returned => "退回",
        _ => outcome.ToString(),
    };

    public static string Label(this ReferralChannel channel) => channel switch
    {
        ReferralChannel.Staff => "民警代为登记",
        ReferralChannel.Link => "接收单位经移交链接填报",
        _ => channel.ToString(),
    };
}
