namespace Lianxin.Core.Volunteers.Tips;

/// <summary>What a tipster sends. <see cref="OrgUnitId"/> may be left out by a signed-in sender (their own unit is used).</summary>
public sealed record TipInput(
    string? CategoryCode,
    Guid? OrgUnitId,
    string? Address,
    double? Longitude,
    double? Latitude,
    string? Body,
    bool Anonymous = false
);
