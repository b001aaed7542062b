namespace Lianxin.Core.Volunteers.Honours;

public sealed record TrainingFilter(string? Q = null, Guid? OrgUnitId = null, int? Year = null);
