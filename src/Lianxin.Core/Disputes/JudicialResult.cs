namespace Lianxin.Core.Disputes;

public enum JudicialResult
{
    Confirmed = 1, // 裁定确认有效
    Refused = 2, // 裁定驳回申请
}
