using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A training session for volunteers (义警培训) held by a unit: what was taught, by whom, where
/// and when, and how many hours it is worth to each volunteer who attends.</summary>
public sealed class TrainingSession : Entity, IScoped
{
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string Title { get; set; } = "";
    public string? Topic { get; set; }
    public string? Trainer { get; set; }
    public string? Place { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Hours credited for attending, in minutes (a session is at most a day).</summary>
    public int Minutes { get; set; }

    /// <summary>Points credited for attending.</summary>
    public int Points { get; set; }

    public const int MaxMinutes = 24 * 60;
    public const int MaxPoints = 100;
}
