namespace Lianxin.Core.Volunteers;

/// <summary>One change of a volunteer's status, with who made it and why: the status history.</summary>
public sealed class VolunteerStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; set; }
    public VolunteerStatus? From { get; set; }
    public VolunteerStatus To { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
}
