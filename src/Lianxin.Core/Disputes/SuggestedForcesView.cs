namespace Lianxin.Core.Disputes;

public sealed record SuggestedForcesView(Guid DisputeId, string CategoryCode, IReadOnlyList<ForceSuggestion> Forces);
