namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A note on a focus-list cluster; notes are only ever added, never changed.</summary>
public sealed class FocusNote
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ClusterId { get; init; }
    public DateTimeOffset At { get; init; }
    public string ById { get; init; } = "";
    public string ByName { get; init; } = "";
    public string Text { get; init; } = "";
}
