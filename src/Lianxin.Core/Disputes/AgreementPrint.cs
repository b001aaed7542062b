namespace Lianxin.Core.Disputes;

/// <summary>The agreement as printed: full ID numbers only when asked for by someone allowed to see them.</summary>
public sealed record AgreementPrint(
    AgreementView Agreement,
    string DisputeNumber,
    string DisputeTitle,
    string CommitteeName,
    IReadOnlyList<string?> IdNumbers,
    bool FullIdNumbers
);
