namespace Lianxin.Core.Volunteers.Honours;

public sealed record TrainingRow(
    Guid Id,
    string Title,
    string? Topic,
    string? Trainer,
    string? Place,
    DateTimeOffset StartsAt,
    int Minutes,
    int Points,
    Guid OrgUnitId,
    string? OrgUnitName,
    int AttendedCount,
    int PassedCount,
    long Version
)
{
    public decimal Hours => HoursRule.ToHours(Minutes);
}
