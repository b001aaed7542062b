namespace Lianxin.Core.Volunteers.Activities;

public sealed record MyHours(int TotalMinutes, int TotalPoints, int Activities, IReadOnlyList<CreditLine> Recent);
