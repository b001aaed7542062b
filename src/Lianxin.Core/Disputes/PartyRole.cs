namespace Lianxin.Core.Disputes;

public enum PartyRole
{
    Applicant = 1, // 申请人
    Respondent = 2, // 被申请人
    Other = 3, // 其他当事人
}
