namespace Lianxin.Core.Volunteers.Activities;

public sealed record CheckInput(double? Lat = null, double? Lng = null, DateTimeOffset? At = null);
