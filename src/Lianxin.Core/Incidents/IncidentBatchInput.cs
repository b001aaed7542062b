namespace Lianxin.Core.Incidents;

public sealed record IncidentBatchInput(List<IncidentInput?>? Items);
