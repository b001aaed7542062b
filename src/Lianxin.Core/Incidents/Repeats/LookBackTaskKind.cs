namespace Lianxin.Core.Incidents.Repeats;

public enum LookBackTaskKind
{
    Patrol = 1, // 巡逻
    SpotCheck = 2, // 抽查
}
