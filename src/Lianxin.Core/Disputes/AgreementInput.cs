namespace Lianxin.Core.Disputes;

/// <summary>The agreement as drafted; <see cref="Version"/> is required once it exists.</summary>
public sealed record AgreementInput(
    List<AgreementPartyInput>? Parties,
    string? Facts,
    string? Responsibilities,
    string? AgreedContent,
    string? PerformanceMethod,
    DateOnly? PerformanceDeadline,
    List<string>? Mediators,
    long? Version = null
);
