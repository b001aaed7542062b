namespace Lianxin.Core.Volunteers.Tips;

public sealed record TipIncidentInput(
    string? Number,
    string? CategoryCode,
    string? TypeCode,
    string? Summary,
    Guid? HandlingUnitId,
    string? HandlingOfficer,
    string? SubtypeCode = null
);
