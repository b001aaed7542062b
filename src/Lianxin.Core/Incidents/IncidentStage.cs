namespace Lianxin.Core.Incidents;

/// <summary>Where an incident stands, as the transition table reads it: waiting in the placement queue, placed,
/// or with a public-security case registered from it (placed or not).</summary>
public enum IncidentStage
{
    Queued = 1, // 待落地
    Placed = 2, // 已落地
    CaseOpened = 3, // 已登记治安案件
}
