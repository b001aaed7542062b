namespace Lianxin.Core.Volunteers.Tips;

public sealed record RevealedSender(Guid TipId, string Name, string? Phone, TipSenderKind Kind);
