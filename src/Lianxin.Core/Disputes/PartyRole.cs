namespace Lianxin.Core.Disputes;

public enum PartyRole
{
    Applicant = 1,   // 申请人
    Respondent = 2,  // 被申请人
    Other = 3,       // 其他当事人
}

public static class PartyRoles
{
    public static string Label(this PartyRole role) => role switch
    {
        PartyRole.Applicant => "申请人",
        PartyRole.Respondent => "被申请人",
        PartyRole.Other => "其他当事人",
        _ => role.ToString(),
    };
}
