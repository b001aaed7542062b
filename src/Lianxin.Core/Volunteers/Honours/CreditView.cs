namespace Lianxin.Core.Volunteers.Honours;

public sealed record CreditView(
    Guid Id,
    Guid VolunteerId,
    CreditSource Source,
    Guid? SourceId,
    int Minutes,
    int Points,
    string? Reason,
    DateTimeOffset At
)
{
    public decimal Hours => HoursRule.ToHours(Minutes);
}
