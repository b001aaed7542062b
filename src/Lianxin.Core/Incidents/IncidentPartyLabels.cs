namespace Lianxin.Core.Incidents;

public static class IncidentPartyLabels
{
    public static string Label(this IncidentPartyRole role) =>
        role switch
        {
            IncidentPartyRole.Party => "当事人",
            IncidentPartyRole.Suspect => "嫌疑人",
            IncidentPartyRole.Victim => "受害人",
            IncidentPartyRole.Witness => "证人",
            _ => role.ToString(),
        };
}
