namespace Lianxin.Core.Volunteers.Honours;

public sealed record RankingRow(int Rank, Guid VolunteerId, string Name, string? UnitName, long Minutes, long Points)
{
    public decimal Hours => HoursRule.ToHours(Minutes);
}
