namespace Lianxin.Core.Volunteers.Honours;

/// <summary>The yearly ranking: by hours (then points) or by points (then hours), highest first. Volunteers
/// equal on both share a rank and the next rank is skipped (1, 1, 3), as in a sports table; among equals the
/// listing order is stable (by record). Volunteers with nothing credited are not ranked.</summary>
public static class HonourRanking
{
    public static IReadOnlyList<RankedTotal> Rank(IEnumerable<VolunteerTotal> totals, RankingOrder by)
    {
        var ordered = totals
            .Where(t => t.Minutes > 0 || t.Points > 0)
            .OrderByDescending(t => Primary(t, by))
            .ThenByDescending(t => Secondary(t, by))
            .ThenBy(t => t.VolunteerId)
            .ToList();
        var ranked = new List<RankedTotal>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var t = ordered[i];
            var tied = i > 0 && Primary(ordered[i - 1], by) == Primary(t, by) && Secondary(ordered[i - 1], by) == Secondary(t, by);
            ranked.Add(new RankedTotal(tied ? ranked[i - 1].Rank : i + 1, t));
        }
        return ranked;
    }

    private static long Primary(VolunteerTotal t, RankingOrder by) => by == RankingOrder.Points ? t.Points : t.Minutes;

    private static long Secondary(VolunteerTotal t, RankingOrder by) => by == RankingOrder.Points ? t.Minutes : t.Points;
}
