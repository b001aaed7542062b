namespace Lianxin.Core.Incidents;

/// <summary>What a person named in an incident was in it.</summary>
public enum IncidentPartyRole
{
    Party = 1, // 当事人
    Suspect = 2, // 嫌疑人
    Victim = 3, // 受害人
    Witness = 4, // 证人
}
