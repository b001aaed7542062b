namespace Lianxin.Core.Common;

/// <summary>Outcome of <c>CitizenId.Parse</c>: either a normalized 18-character number or a reason.</summary>
public sealed record CitizenIdResult
{
    public bool IsValid => ErrorCode == CitizenIdError.None;

    /// <summary>18 characters, check character as uppercase X; null when invalid.</summary>
    public string? Normalized { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Gender Gender { get; init; }

    public CitizenIdError ErrorCode { get; init; }

    /// <summary>Chinese message suitable for showing to the person who typed the number.</summary>
    public string? Error { get; init; }

    internal static CitizenIdResult Fail(CitizenIdError code, string message) => new() { ErrorCode = code, Error = message };
}
