namespace Lianxin.Core.Common;

/// <summary>Outcome of <see cref="PhoneNumber.Parse"/>.</summary>
public sealed record PhoneNumberResult
{
    public bool IsValid => Error is null;

    /// <summary>Mobile: 11 digits. Landline: <c>0571-87654321</c>, optionally followed by <c>-123</c> for an extension.</summary>
    public string? Normalized { get; init; }

    public PhoneKind Kind { get; init; }

    /// <summary>Chinese message suitable for showing to the person who typed the number; null when valid.</summary>
    public string? Error { get; init; }

    internal static PhoneNumberResult Fail(string message) => new() { Error = message };
}
