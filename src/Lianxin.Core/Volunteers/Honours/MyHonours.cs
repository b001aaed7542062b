namespace Lianxin.Core.Volunteers.Honours;

/// <summary>The signed-in volunteer's year: totals and place at their station.</summary>
public sealed record MyHonours(int Year, long Minutes, long Points, int? Rank, int RankedCount, string? StationName)
{
    public decimal Hours => HoursRule.ToHours(Minutes);
}
