namespace Lianxin.Core.Incidents.Cases;

/// <summary>The time limits of public-security cases, from "Incidents:CaseLimitDays". The defaults are the
/// "1, 3, 7 days" practice.</summary>
public sealed class CaseOptions
{
    public const string Section = "Incidents";

    public CaseLimitDays CaseLimitDays { get; set; } = new();

    public int LimitFor(CaseKind kind) =>
        kind switch
        {
            CaseKind.Simple => CaseLimitDays.Simple,
            CaseKind.General => CaseLimitDays.General,
            CaseKind.Complex => CaseLimitDays.Complex,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

    /// <summary>Refuses limits a station could not work with, at start-up.</summary>
    public IEnumerable<string> Problems()
    {
        var l = CaseLimitDays;
        if (l.Simple is < 1 or > 60 || l.General is < 1 or > 60 || l.Complex is < 1 or > 60)
            yield return "Incidents:CaseLimitDays 的 Simple、General、Complex 须在 1 到 60 天之间";
        if (l.Simple > l.General || l.General > l.Complex)
            yield return "Incidents:CaseLimitDays 须满足 Simple ≤ General ≤ Complex";
    }
}
