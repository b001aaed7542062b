using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Who works over a place: active accounts with a role in the unit or any unit above it.</summary>
public static class IncidentPeople
{
    public static Task<List<string>> AboveWithRoleAsync(LianxinDbContext db, Guid unitId, string role, CancellationToken ct) =>
        AccountsOver.IdsWithRoleAsync(db, unitId, role, ct);

    /// <summary>Monday 00:00 (China time) of the week holding <paramref name="at"/>, as a date.</summary>
    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = ChinaTime.Day(at);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static DateTimeOffset StartOf(DateOnly day) => ChinaTime.StartUtc(day);
}
