namespace Lianxin.Core.Incidents.Repeats;

public sealed record NoteInput(string? Text);
