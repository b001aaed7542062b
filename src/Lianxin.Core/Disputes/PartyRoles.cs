namespace Lianxin.Core.Disputes;

public static class PartyRoles
{
    public static string Label(this PartyRole role) =>
        role switch
        {
            PartyRole.Applicant => "申请人",
            PartyRole.Respondent => "被申请人",
            PartyRole.Other => "其他当事人",
            _ => role.ToString(),
        };
}
