namespace Lianxin.Core.Volunteers.Honours;

public sealed record RankedTotal(int Rank, VolunteerTotal Total);
