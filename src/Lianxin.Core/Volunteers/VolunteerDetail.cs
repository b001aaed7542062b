namespace Lianxin.Core.Volunteers;

public sealed record VolunteerDetail(
    VolunteerRow Summary,
    string? IdNumberMasked,
    string? Statement,
    string? Note,
    bool HasAccount,
    IReadOnlyList<VolunteerStatusChangeView> History,
    IReadOnlyList<VolunteerSquadView> Squads,
    VolunteerCreditTotals Credits,
    IReadOnlyList<VolunteerAction> AllowedActions
);
