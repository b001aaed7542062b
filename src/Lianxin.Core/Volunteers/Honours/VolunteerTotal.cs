namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A volunteer's totals for a year, summed from the credit ledger.</summary>
public sealed record VolunteerTotal(Guid VolunteerId, long Minutes, long Points);
