namespace Lianxin.Core.Disputes;

/// <summary>Who a dispute is transferred to through the police–mediation link (警调衔接 / 诉调对接).</summary>
public enum ReferralReceiverKind
{
    JudicialOffice = 1, // 司法所
    CourtPreLitigation = 2, // 法院诉前调解
    LabourArbitration = 3, // 劳动仲裁
    PetitionOffice = 4, // 信访部门
    OtherDepartment = 5, // 其他部门
}
