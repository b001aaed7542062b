using Lianxin.Core.Disputes;

namespace Lianxin.Core.Volunteers.Tips;

public sealed record TipDisputeInput(string? Title, string? CategoryCode, string? Description, List<PartyInput>? Parties);
