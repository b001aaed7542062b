namespace Lianxin.Core.Volunteers.Tips;

/// <summary>What a tip says and where, as sent.</summary>
public sealed record TipContent(Guid OrgUnitId, string CategoryCode, string? Address, double? Longitude, double? Latitude, string Body);
