namespace Lianxin.Core.Volunteers.Tips;

/// <summary>What the sender gets back. <see cref="QueryCode"/> is given once, only to a sender without an account.</summary>
public sealed record TipSubmitted(Guid Id, string Number, string? QueryCode);
