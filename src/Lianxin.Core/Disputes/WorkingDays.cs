namespace Lianxin.Core.Disputes;

/// <summary>Working days on the China calendar (the same UTC+8 dates as <see cref="DisputeTimeLimits"/>):
/// Monday to Friday, minus configured public holidays, plus configured make-up working weekends (调休).
/// A deadline of "N working days" ends at midnight China time after the N-th working day following the
/// start date, so a Friday referral with three days is due at the end of Wednesday.</summary>
public sealed record WorkingDays
{
    public static WorkingDays Default { get; } = new();

    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();
    public IReadOnlySet<DateOnly> MakeUpWorkdays { get; init; } = new HashSet<DateOnly>();

    public bool IsWorkingDay(DateOnly day) =>
        MakeUpWorkdays.Contains(day) || (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day));

    public DateTimeOffset DueAfter(DateTimeOffset start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var day = DateOnly.FromDateTime(start.ToOffset(DisputeTimeLimits.ChinaOffset).DateTime);
        for (var counted = 0; counted < workingDays; )
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        var next = day.AddDays(1);
        // Stored in UTC: PostgreSQL keeps timestamps with time zone only at offset zero.
        return new DateTimeOffset(next.Year, next.Month, next.Day, 0, 0, 0, DisputeTimeLimits.ChinaOffset).ToUniversalTime();
    }
}
