namespace Lianxin.Core.Incidents.Repeats;

public sealed record DirectiveProblem(int Row, string Field, string Reason);
