namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A session as the volunteer who attended it sees it on the phone.</summary>
public sealed record MyTraining(
    Guid SessionId,
    string Title,
    string? Topic,
    string? Trainer,
    string? Place,
    DateTimeOffset StartsAt,
    int Minutes,
    bool Attended,
    bool Passed,
    string? CertificateNumber,
    string? UnitName
)
{
    public decimal Hours => HoursRule.ToHours(Minutes);
}
