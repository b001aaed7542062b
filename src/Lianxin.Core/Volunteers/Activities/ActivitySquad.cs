namespace Lianxin.Core.Volunteers.Activities;

/// <summary>A squad an activity is meant for.</summary>
public sealed class ActivitySquad
{
    public Guid ActivityId { get; set; }
    public Guid SquadId { get; set; }
}
