namespace Lianxin.Core.Disputes;

public enum AgreementStatus
{
    Draft = 1, // 草拟中：可修改
    Signed = 2, // 已签订，待履行
    PartlyPerformed = 3, // 部分履行
    Performed = 4, // 已履行
    Missed = 5, // 逾期未履行：纠纷已重启
}
