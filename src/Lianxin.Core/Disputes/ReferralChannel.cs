namespace Lianxin.Core.Disputes;

/// <summary>How an acknowledgement or a result reached the station.</summary>
public enum ReferralChannel
{
    Staff = 1, // entered by station staff (phone call, paper receipt)
    Link = 2, // by the receiver through the one-time link
}
