namespace Lianxin.Core.Disputes;

/// <summary>A person present at a session: a party of the dispute or anyone else (family, a village
/// representative), by name.</summary>
public sealed class SessionAttendee
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; } = "";
    public Guid? PartyId { get; private set; }
    public string? Note { get; private set; }

    private SessionAttendee() { }

    public static SessionAttendee Create(string? name, Guid? partyId = null, string? note = null) =>
        new()
        {
            Name = name?.Trim() ?? "",
            PartyId = partyId,
            Note = Common.Checks.Clean(note),
        };
}
