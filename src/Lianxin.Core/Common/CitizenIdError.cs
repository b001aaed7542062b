namespace Lianxin.Core.Common;

/// <summary>Why a citizen ID number was rejected; callers branch on this, the message is for people.</summary>
public enum CitizenIdError
{
    None = 0,
    Empty,
    InvalidLength,
    InvalidCharacter,
    InvalidRegion,
    InvalidBirthDate,
    FutureBirthDate,
    InvalidCheckCharacter,
}
