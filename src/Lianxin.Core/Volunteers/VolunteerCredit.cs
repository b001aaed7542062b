namespace Lianxin.Core.Volunteers;

/// <summary>What a volunteer earned: hours and points, one row per source. The ranking, the honours and
/// the figures read this ledger only.</summary>
public sealed class VolunteerCredit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; set; }

    /// <summary>The unit of the volunteer when credited, for figures by unit.</summary>
    public Guid OrgUnitId { get; set; }
    public CreditSource Source { get; set; }

    /// <summary>The activity, tip or training that earned it; null for a manual adjustment.</summary>
    public Guid? SourceId { get; set; }
    public int Minutes { get; set; }
    public int Points { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
}
