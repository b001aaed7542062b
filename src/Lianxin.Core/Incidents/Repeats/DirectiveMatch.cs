namespace Lianxin.Core.Incidents.Repeats;

public sealed record DirectiveMatch(DirectiveRow Directive, IReadOnlyList<MatchedIncident> Incidents);
