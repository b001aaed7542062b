namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A manual correction of a volunteer's ledger: hours and/or points, up or down, with the reason.</summary>
public sealed record CreditAdjustmentInput(Guid? VolunteerId, decimal? Hours, int? Points, string? Reason);
