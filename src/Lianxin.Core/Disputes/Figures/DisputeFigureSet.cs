using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>The dispute figures of one unit (with everything below it) for one period. Counts are
/// numbers of disputes; the rates and shares are fractions (0–1), null when their base is zero.</summary>
public sealed record DisputeFigureSet(
    ChinaPeriod Period,
    int Accepted,
    int Resolved,
    int AcceptedResolved,
    int WithinGroup,
    int WithinVillage,
    int WithinTown,
    int Referred,
    int Recurred,
    double? AverageDaysToResolve,
    int Confirmed = 0,
    int ResolvedAtLevel1 = 0,
    int ResolvedAtLevel2 = 0,
    int ResolvedAtLevel3 = 0,
    int ResolvedAtLevel4 = 0,
    int ReferralAcknowledged = 0
)
{
    /// <summary>The set from a count per figure (a figure missing from the counts is zero): the inverse of
    /// <see cref="Count"/>, so the ways of counting build their result in one place.</summary>
    public static DisputeFigureSet Of(ChinaPeriod period, IReadOnlyDictionary<DisputeFigure, int> counts, double? averageDaysToResolve)
    {
        int C(DisputeFigure f) => counts.GetValueOrDefault(f);
        return new(
            period,
            C(DisputeFigure.Accepted),
            C(DisputeFigure.Resolved),
            C(DisputeFigure.AcceptedResolved),
            C(DisputeFigure.WithinGroup),
            C(DisputeFigure.WithinVillage),
            C(DisputeFigure.WithinTown),
            C(DisputeFigure.Referred),
            C(DisputeFigure.Recurred),
            averageDaysToResolve,
            C(DisputeFigure.Confirmed),
            C(DisputeFigure.ResolvedAtLevel1),
            C(DisputeFigure.ResolvedAtLevel2),
            C(DisputeFigure.ResolvedAtLevel3),
            C(DisputeFigure.ResolvedAtLevel4),
            C(DisputeFigure.ReferralAcknowledged)
        );
    }

    public double? ResolutionRate => Ratio(AcceptedResolved, Accepted);
    public double? WithinGroupShare => Ratio(WithinGroup, Resolved);
    public double? WithinVillageShare => Ratio(WithinVillage, Resolved);
    public double? WithinTownShare => Ratio(WithinTown, Resolved);
    public double? RecurrenceRate => Ratio(Recurred, Resolved);

    public int Count(DisputeFigure figure) =>
        figure switch
        {
            DisputeFigure.Accepted => Accepted,
            DisputeFigure.Resolved => Resolved,
            DisputeFigure.AcceptedResolved => AcceptedResolved,
            DisputeFigure.WithinGroup => WithinGroup,
            DisputeFigure.WithinVillage => WithinVillage,
            DisputeFigure.WithinTown => WithinTown,
            DisputeFigure.Referred => Referred,
            DisputeFigure.Recurred => Recurred,
            DisputeFigure.Confirmed => Confirmed,
            DisputeFigure.ResolvedAtLevel1 => ResolvedAtLevel1,
            DisputeFigure.ResolvedAtLevel2 => ResolvedAtLevel2,
            DisputeFigure.ResolvedAtLevel3 => ResolvedAtLevel3,
            DisputeFigure.ResolvedAtLevel4 => ResolvedAtLevel4,
            DisputeFigure.ReferralAcknowledged => ReferralAcknowledged,
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
