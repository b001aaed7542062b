namespace Lianxin.Core.Disputes;

/// <summary>Someone a follow-up visit can be handed to: an active account covering the dispute's unit.</summary>
public sealed record AssigneeOption(string Id, string DisplayName, string? UnitName);
