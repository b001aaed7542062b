namespace Lianxin.Core.Incidents.Statistics;

public sealed record StatisticDefinition(string Key, string Label, string Definition);
