namespace Lianxin.Core.Incidents.Repeats;

public sealed record FocusNoteView(Guid Id, DateTimeOffset At, string ByName, string Text);
