namespace Lianxin.Core.Volunteers.Activities;

/// <summary>Rules of sign-up, check-in and reminders (configuration section <c>Volunteers:Activities</c>).</summary>
public sealed class ActivityOptions
{
    public const string Section = "Volunteers:Activities";

    /// <summary>Check-in opens this many minutes before the start; check-out closes this many after the end.</summary>
    public int CheckWindowMinutes { get; set; } = 30;

    /// <summary>How far from the gathering point a volunteer may check themselves in or out, in metres.</summary>
    public int CheckDistanceMeters { get; set; } = 500;

    /// <summary>Approved volunteers are reminded this many hours before the start.</summary>
    public double ReminderHoursBefore { get; set; } = 2;

    /// <summary>The organiser is reminded when an activity ended this many hours ago and is not finished.</summary>
    public double UnfinishedReminderHours { get; set; } = 12;

    public IEnumerable<string> Problems()
    {
        if (CheckWindowMinutes is < 0 or > 24 * 60)
            yield return "CheckWindowMinutes";
        if (CheckDistanceMeters is < 10 or > 100_000)
            yield return "CheckDistanceMeters";
        if (ReminderHoursBefore is < 0 or > 24 * 7)
            yield return "ReminderHoursBefore";
        if (UnfinishedReminderHours is < 0 or > 24 * 30)
            yield return "UnfinishedReminderHours";
    }
}
