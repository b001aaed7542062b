namespace Lianxin.Core.Disputes;

/// <summary>The tiers of joint mediation (seed 002: 百户长初调、治保主任复调、警务室联调), plus the county
/// centre reached by video. Higher numbers are higher tiers; escalation only goes up.</summary>
public enum MediationLevel
{
    HouseholdHead = 1, // 初调: household head or security committee
    Village = 2, // 复调: security director or village
    PoliceOffice = 3, // 联调: police office joint mediation or comprehensive mediation room
    County = 4, // county joint mediation centre, remote video
}
