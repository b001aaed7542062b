namespace Lianxin.Core.Disputes;

public sealed record AgreementPerformanceInput(long? Version, bool? Full, DateOnly? PerformedOn = null, string? Note = null);
