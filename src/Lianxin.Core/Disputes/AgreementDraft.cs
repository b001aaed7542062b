namespace Lianxin.Core.Disputes;

/// <summary>A new draft's starting point: the parties from the dispute and the registry, masked ID numbers
/// to show beside them.</summary>
public sealed record AgreementDraft(AgreementInput Input, IReadOnlyList<string?> MaskedIdNumbers, bool CanDraft);
