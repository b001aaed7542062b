namespace Lianxin.Core.Incidents;

public sealed record IncidentBatchResult(int Created, int Duplicates, int Invalid, IReadOnlyList<IncidentIntakeResult> Items);
