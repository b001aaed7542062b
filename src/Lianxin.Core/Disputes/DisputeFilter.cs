namespace Lianxin.Core.Disputes;

/// <summary>Ledger filters. <see cref="Figure"/> with <see cref="From"/>/<see cref="To"/> (China dates) selects exactly the
/// disputes a figure counts; From/To alone select disputes registered in those days. <see cref="Q"/> searches the number,
/// title, address, description and the parties' names.</summary>
public sealed record DisputeFilter(
    string? Q = null,
    DisputeStatus? Status = null,
    MediationLevel? Level = null,
    string? Category = null,
    Guid? OrgUnitId = null,
    DisputeRisk? Risk = null,
    DisputeSource? Source = null,
    bool? Overdue = null,
    bool? Open = null,
    Figures.DisputeFigure? Figure = null,
    DateOnly? From = null,
    DateOnly? To = null
);
