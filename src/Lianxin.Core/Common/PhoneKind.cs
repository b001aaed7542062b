namespace Lianxin.Core.Common;

/// <summary>Kind of a mainland phone number; Unknown only appears on invalid results.</summary>
public enum PhoneKind
{
    Unknown = 0,
    Mobile,
    Landline,
}
