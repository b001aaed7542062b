using Lianxin.Core.Incidents.Cases;

namespace Lianxin.Core.Volunteers.Tips;

public sealed record TipCaseInput(
    string? Number,
    string? Title,
    CaseKind? Kind,
    string? HandlingOfficerId,
    string? HandlingOfficer,
    string? Summary
);
