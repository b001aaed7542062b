namespace Lianxin.Core.Volunteers.Honours;

/// <summary>What a certificate of honour (荣誉证书) states: the volunteer's year at their station.</summary>
public sealed record HonourCertificate(
    Guid VolunteerId,
    string Name,
    int Year,
    int Rank,
    int RankedCount,
    long Minutes,
    long Points,
    string StationName,
    string? UnitName,
    DateOnly IssuedOn
)
{
    public decimal Hours => HoursRule.ToHours(Minutes);
}
