namespace Lianxin.Core.Volunteers.Activities;

/// <summary>The rules of an activity that need no database: where a sign-up lands, what clashes, what
/// time counts and what it earns. The service applies them; the unit tests check them directly.</summary>
public static class ActivityRules
{
    /// <summary>A new sign-up is pending while places are left (pending and approved ones hold a place), else it waits.</summary>
    public static SignupStatus Place(int holding, int quota) => holding < quota ? SignupStatus.Pending : SignupStatus.Waitlisted;

    /// <summary>Two time spans overlap when each starts before the other ends (back to back is fine).</summary>
    public static bool Overlaps(DateTimeOffset aStart, DateTimeOffset aEnd, DateTimeOffset bStart, DateTimeOffset bEnd) =>
        aStart < bEnd && bStart < aEnd;

    /// <summary>The wait-listed sign-ups to move up when places free: lowest position first, as many as free places.</summary>
    public static IReadOnlyList<ActivitySignup> Promote(IEnumerable<ActivitySignup> signups, int quota)
    {
        var list = signups.ToList();
        var free = quota - list.Count(s => s.Holds);
        if (free <= 0)
            return [];
        return list.Where(s => s.Status == SignupStatus.Waitlisted)
            .OrderBy(s => s.WaitPosition ?? int.MaxValue)
            .ThenBy(s => s.SignedUpAt)
            .Take(free)
            .ToList();
    }

    /// <summary>Whether a check-in at <paramref name="at"/> is inside the window: from <paramref name="window"/> before
    /// the start until the end.</summary>
    public static bool CheckInOpen(Activity a, DateTimeOffset at, TimeSpan window) => at >= a.StartsAt - window && at <= a.EndsAt;

    /// <summary>Whether a check-out at <paramref name="at"/> is inside the window: from the start until
    /// <paramref name="window"/> after the end.</summary>
    public static bool CheckOutOpen(Activity a, DateTimeOffset at, TimeSpan window) => at >= a.StartsAt && at <= a.EndsAt + window;

    /// <summary>Minutes credited for one volunteer: the time between check-in and check-out, counted only
    /// inside the activity's own start and end (coming early or staying late is not credited), in whole
    /// minutes. No check-in, nothing; no check-out, until the end.</summary>
    public static int Minutes(Activity a, DateTimeOffset? checkedIn, DateTimeOffset? checkedOut)
    {
        if (checkedIn is not { } from)
            return 0;
        var to = checkedOut ?? a.EndsAt;
        if (from < a.StartsAt)
            from = a.StartsAt;
        if (to > a.EndsAt)
            to = a.EndsAt;
        return to <= from ? 0 : (int)Math.Floor((to - from).TotalMinutes);
    }

    /// <summary>Points for minutes on an activity of a kind: the hourly rate (the kind's own, or the
    /// general one) for the time, rounded to the nearest point, plus the kind's bonus when any time counted.</summary>
    public static int Points(ActivityKind kind, int minutes, PointsOptions rules)
    {
        if (minutes <= 0)
            return 0;
        var rate = rules.PerHourByKind.TryGetValue(kind, out var own) ? own : rules.PerHour;
        var bonus = rules.BonusByKind.TryGetValue(kind, out var b) ? b : 0;
        return (int)Math.Round(minutes / 60.0 * rate, MidpointRounding.AwayFromZero) + bonus;
    }

    /// <summary>Distance in metres between two points on the earth (haversine).</summary>
    public static double DistanceMeters(double lat1, double lng1, double lat2, double lng2)
    {
        const double earth = 6_371_000;
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLng = Rad(lng2 - lng1);
        var h =
            Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * earth * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
