namespace Lianxin.Core.Disputes;

/// <summary>How a county runs its disputes, from the "Disputes" configuration section. The defaults are
/// the usual practice: one month to mediate, a warning five days before, follow-up visits after 7
/// and 30 days, the visitor reminded a day ahead.</summary>
public sealed class DisputeOptions
{
    public const string Section = "Disputes";

    /// <summary>Days after resolution at which follow-up visits (回访) are booked.</summary>
    public int[] FollowUpDays { get; set; } = [7, 30];

    public int MediationMonths { get; set; } = 1;
    public int NearingDays { get; set; } = 5;

    /// <summary>How long before a follow-up visit is due its visitor is reminded.</summary>
    public int FollowUpReminderHours { get; set; } = 24;

    /// <summary>How many days before a mediation agreement's performance deadline the person who registered the
    /// dispute is reminded to follow it up.</summary>
    public int AgreementReminderDays { get; set; } = MediationAgreement.PerformanceReminderDays;

    /// <summary>How often the reminder sweep runs; 0 turns the scheduled sweep off (it can still be run by hand).</summary>
    public int ReminderSweepMinutes { get; set; } = 10;

    public DisputeTimeLimits TimeLimits => new() { MediationMonths = MediationMonths, NearingDays = NearingDays };

    /// <summary>Refuses settings a station could not work with, at start-up rather than at the first dispute.</summary>
    public IEnumerable<string> Problems()
    {
        if (FollowUpDays is not { Length: > 0 and <= 6 } || FollowUpDays.Any(d => d is < 1 or > 365))
            yield return "Disputes:FollowUpDays 须为 1–6 个 1 到 365 之间的天数";
        if (MediationMonths is < 1 or > 12)
            yield return "Disputes:MediationMonths 须在 1 到 12 之间";
        if (NearingDays is < 0 or > 27)
            yield return "Disputes:NearingDays 须在 0 到 27 之间";
        if (FollowUpReminderHours is < 0 or > 24 * 14)
            yield return "Disputes:FollowUpReminderHours 须在 0 到 336 之间";
        if (AgreementReminderDays is < 1 or > 30)
            yield return "Disputes:AgreementReminderDays 须在 1 到 30 之间";
        if (ReminderSweepMinutes is < 0 or > 24 * 60)
            yield return "Disputes:ReminderSweepMinutes 须在 0 到 1440 之间";
    }
}
