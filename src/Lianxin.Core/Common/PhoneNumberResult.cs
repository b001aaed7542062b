namespace Lianxin.Core.Common;

public sealed record PhoneNumberResult
{
    public bool IsValid { get; init; }
    public string? Normalized { get; init; }
    public string? Error { get; init; }
}
