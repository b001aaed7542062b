namespace Lianxin.Core.Incidents;

public sealed record IncidentPlaceInput(Guid? OrgUnitId, long? Version);
