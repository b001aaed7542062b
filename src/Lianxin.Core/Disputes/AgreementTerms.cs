namespace Lianxin.Core.Disputes;

/// <summary>What art. 29 asks an agreement to say, besides the mediators' seal and the date.</summary>
public sealed record AgreementTerms(
    IReadOnlyList<AgreementPartyDraft> Parties,
    string? Facts,
    string? Responsibilities,
    string? AgreedContent,
    string? PerformanceMethod,
    DateOnly? PerformanceDeadline,
    IReadOnlyList<string>? Mediators
);
