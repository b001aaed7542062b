namespace Lianxin.Core.Disputes;

public sealed record JudicialConfirmationInput(
    long? Version,
    bool? Chosen,
    DateOnly? AppliedOn = null,
    string? Court = null,
    JudicialResult? Result = null,
    DateOnly? DecidedOn = null
);
