namespace Lianxin.Core.Incidents.Statistics;

public sealed record CategoryCount(string Code, string Name, int Total, int Valid, int Preventable);
