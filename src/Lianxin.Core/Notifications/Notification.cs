namespace Lianxin.Core.Notifications;

/// <summary>One message in a user's inbox. The inbox is the record of truth; live pushes are only a
/// hint to re-read it.</summary>
public sealed class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string? Link { get; set; }
    public string Severity { get; set; } = "info";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
