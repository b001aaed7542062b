namespace Lianxin.Core.Common;

/// <summary>Gender as encoded in a citizen ID number.</summary>
public enum Gender
{
    Unknown = 0,
    Male = 1,
    Female = 2,
}
