namespace Lianxin.Core.Disputes;

public sealed record AttendeeView(string Name, Guid? PartyId, string? Note);
