namespace Lianxin.Core.Volunteers.Activities;

public sealed record CreditLine(Guid? ActivityId, string? Title, DateTimeOffset At, int Minutes, int Points);
