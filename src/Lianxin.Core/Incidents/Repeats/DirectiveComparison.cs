namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The week's comparison: each directive with the local incidents that answer to it (the same
/// address, or the same category), and the incidents no directive mentions.</summary>
/// <summary>The week's comparison. <paramref name="DirectivesCut"/> and <paramref name="IncidentsCut"/> say that the week held
/// more than <see cref="DirectiveService.MaxDirectives"/> directives or <see cref="DirectiveService.MaxIncidents"/> incidents
/// and only the first were compared, so the page can say so.</summary>
public sealed record DirectiveComparison(
    DateOnly WeekStart,
    IReadOnlyList<DirectiveMatch> Directives,
    IReadOnlyList<MatchedIncident> Unmatched,
    int UnmatchedTotal,
    int IncidentTotal,
    bool DirectivesCut = false,
    bool IncidentsCut = false
);
