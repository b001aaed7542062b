namespace Lianxin.Core.Incidents;

/// <summary>A party as shown: masked.</summary>
public sealed record IncidentPartyView(Guid Id, IncidentPartyRole Role, string? NameMasked, string? IdNumberMasked, string? PhoneMasked)
{
    public string RoleLabel => Role.Label();
}
