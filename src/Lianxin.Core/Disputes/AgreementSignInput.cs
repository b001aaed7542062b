namespace Lianxin.Core.Disputes;

/// <summary>Signing: the date (today when left out) and whether the parties chose to apply for judicial confirmation.</summary>
public sealed record AgreementSignInput(long? Version, DateOnly? SignedOn = null, bool JudicialChosen = false);
