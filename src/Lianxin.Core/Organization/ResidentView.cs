using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>A resident as lists show them. Only the birth year: the full date together with the masked
/// ID number (which keeps the region and last four) would give the whole number back.</summary>
public sealed record ResidentView(
    Guid Id,
    string Name,
    Gender Gender,
    int? BirthYear,
    string? IdNumberMasked,
    string? PhoneMasked,
    string? Address,
    Guid OrgUnitId,
    string? OrgUnitName,
    IReadOnlyList<string> Tags,
    long Version
);
