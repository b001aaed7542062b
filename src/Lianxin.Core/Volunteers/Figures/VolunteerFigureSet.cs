namespace Lianxin.Core.Volunteers.Figures;

/// <summary>One set of volunteer figures for a period. Registered and new are counted from the volunteers'
/// records; everything else from the credit ledger (<see cref="VolunteerCredit"/>) only.</summary>
public sealed record VolunteerFigureSet(
    int Registered,
    int Active,
    int New,
    long Minutes,
    long Points,
    int Activities,
    int ActivityTurns,
    int TrainingTurns,
    int TipsCredited
)
{
    public decimal Hours => Honours.HoursRule.ToHours(Minutes);

    public static readonly VolunteerFigureSet Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
