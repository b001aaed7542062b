namespace Lianxin.Core.Common;

public sealed record CitizenIdResult
{
    public bool IsValid { get; init; }
    public string? Normalized { get; init; }
    public DateOnly? BirthDate { get; init; }
    public Gender Gender { get; init; }
    public string? Error { get; init; }
}
