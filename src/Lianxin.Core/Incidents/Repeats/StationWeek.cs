namespace Lianxin.Core.Incidents.Repeats;

public sealed record StationWeek(Guid StationId, string StationName, int Clusters, int Incidents, IReadOnlyList<ClusterRow> Rows);
