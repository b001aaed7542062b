namespace Lianxin.Core.Disputes.Figures;

/// <summary>The dispute figures that stand for a set of records, so each can open the ledger rows
/// behind it (<see cref="DisputeFilter.Figure"/>). Rates and averages are built from these.</summary>
public enum DisputeFigure
{
    /// <summary>受理：registered in the period.</summary>
    Accepted = 1,

    /// <summary>化解：at least one resolution in the period.</summary>
    Resolved,

    /// <summary>Numerator of the resolution rate: accepted in the period and resolved by now, not reopened since.</summary>
    AcceptedResolved,

    /// <summary>不出组：resolved in the period, at level 1 only.</summary>
    WithinGroup,

    /// <summary>不出村：resolved in the period at levels 1–2.</summary>
    WithinVillage,

    /// <summary>不出镇：resolved in the period at levels 1–3.</summary>
    WithinTown,

    /// <summary>移交：referred out in the period.</summary>
    Referred,

    /// <summary>Numerator of the recurrence rate: resolved in the period and reopened by a recurrence afterwards.</summary>
    Recurred,

    /// <summary>司法确认：a court confirmed the dispute's mediation agreement in the period.</summary>
    Confirmed,

    /// <summary>一级化解：resolved in the period, at level 1 at the highest (the same disputes as <see cref="WithinGroup"/>).</summary>
    ResolvedAtLevel1,

    /// <summary>二级化解：resolved in the period, at level 2 at the highest.</summary>
    ResolvedAtLevel2,

    /// <summary>三级化解：resolved in the period, at level 3 at the highest.</summary>
    ResolvedAtLevel3,

    /// <summary>四级化解：resolved in the period, at level 4 (the county centre) at the highest.</summary>
    ResolvedAtLevel4,

    /// <summary>移交签收：a referral's receiver acknowledged it in the period (a result reported without an
    /// acknowledgement acknowledges it at the same time).</summary>
    ReferralAcknowledged,
}
