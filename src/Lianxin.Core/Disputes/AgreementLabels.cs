namespace Lianxin.Core.Disputes;

public static class AgreementLabels
{
    public static string Label(this AgreementStatus status) =>
        status switch
        {
            AgreementStatus.Draft => "草拟中",
            AgreementStatus.Signed => "已签订，待履行",
            AgreementStatus.PartlyPerformed => "部分履行",
            AgreementStatus.Performed => "已履行",
            AgreementStatus.Missed => "逾期未履行",
            _ => status.ToString(),
        };

    public static string Label(this JudicialResult result) =>
        result switch
        {
            JudicialResult.Confirmed => "已确认有效",
            JudicialResult.Refused => "驳回申请",
            _ => result.ToString(),
        };
}
