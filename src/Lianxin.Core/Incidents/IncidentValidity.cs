namespace Lianxin.Core.Incidents;

public enum IncidentValidity
{
    Valid = 1, // 有效警情
    Repeat = 2, // 重复警情
    Invalid = 3, // 无效警情 (prank, misdial, no police matter)
}
