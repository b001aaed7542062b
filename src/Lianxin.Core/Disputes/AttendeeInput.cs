namespace Lianxin.Core.Disputes;

/// <summary>Someone present: a party of the dispute (by party id) or anyone else by name.</summary>
public sealed record AttendeeInput(string? Name, Guid? PartyId = null, string? Note = null);
