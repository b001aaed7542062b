namespace Lianxin.Core.Volunteers;

/// <summary>The status machine in one table, with no database in sight, so it is tested alone and the
/// record (<see cref="Volunteer"/>, which checks every step here first), the pages and the refusal messages all
/// read the same rules.</summary>
public static class VolunteerStatusRules
{
    /// <summary>The status an action leads to from a status; null when the action is not allowed there.
    /// A null <paramref name="from"/> is an account with no record yet.</summary>
    public static VolunteerStatus? Next(VolunteerStatus? from, VolunteerAction action) =>
        (from, action) switch
        {
            (null, VolunteerAction.Apply) => VolunteerStatus.Applicant,
            (VolunteerStatus.Declined, VolunteerAction.Apply) => VolunteerStatus.Applicant,
            (VolunteerStatus.Retired, VolunteerAction.Apply) => VolunteerStatus.Applicant,
            (VolunteerStatus.Applicant, VolunteerAction.Accept) => VolunteerStatus.Active,
            (VolunteerStatus.Applicant, VolunteerAction.Decline) => VolunteerStatus.Declined,
            (VolunteerStatus.Active, VolunteerAction.Suspend) => VolunteerStatus.Suspended,
            (VolunteerStatus.Active, VolunteerAction.Retire) => VolunteerStatus.Retired,
            (VolunteerStatus.Suspended, VolunteerAction.Reinstate) => VolunteerStatus.Active,
            (VolunteerStatus.Suspended, VolunteerAction.Retire) => VolunteerStatus.Retired,
            _ => null,
        };

    /// <summary>Every action allowed from a status, the person's own application included.</summary>
    public static IReadOnlyList<VolunteerAction> Allowed(VolunteerStatus status) =>
        Enum.GetValues<VolunteerAction>().Where(a => Next(status, a) is not null).ToList();

    public static bool IsAllowed(VolunteerStatus? status, VolunteerAction action) => Next(status, action) is not null;

    /// <summary>Staff actions allowed from a status (what the buttons on the record offer).</summary>
    public static IReadOnlyList<VolunteerAction> StaffActions(VolunteerStatus status) =>
        Allowed(status).Where(a => a != VolunteerAction.Apply).ToList();

    /// <summary>A decline, a suspension and a retirement must say why: the person reads the reason.</summary>
    public static bool NeedsReason(VolunteerAction action) =>
        action is VolunteerAction.Decline or VolunteerAction.Suspend or VolunteerAction.Retire;

    /// <summary>Only an active volunteer holds the volunteer role.</summary>
    public static bool HoldsVolunteerRole(VolunteerStatus status) => status == VolunteerStatus.Active;

    /// <summary>An application still waiting for review; an account has at most one.</summary>
    public static bool IsOpenApplication(VolunteerStatus status) => status == VolunteerStatus.Applicant;

    public static string RefusalMessage(VolunteerStatus? from, VolunteerAction action)
    {
        if (from is null)
            return $"尚无义警记录，不能{action.Label()}";
        var allowed = StaffActions(from.Value);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"该义警当前为“{from.Value.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }

    public static string Label(this VolunteerStatus status) =>
        status switch
        {
            VolunteerStatus.Applicant => "待审核",
            VolunteerStatus.Active => "在册",
            VolunteerStatus.Suspended => "暂停",
            VolunteerStatus.Retired => "已退出",
            VolunteerStatus.Declined => "未通过",
            _ => status.ToString(),
        };

    public static string Label(this VolunteerAction action) =>
        action switch
        {
            VolunteerAction.Apply => "申请加入",
            VolunteerAction.Accept => "审核通过",
            VolunteerAction.Decline => "不予通过",
            VolunteerAction.Suspend => "暂停",
            VolunteerAction.Reinstate => "恢复",
            VolunteerAction.Retire => "退出",
            _ => action.ToString(),
        };

    public static string Label(this SquadRole role) =>
        role switch
        {
            SquadRole.Leader => "队长",
            SquadRole.DeputyLeader => "副队长",
            _ => "队员",
        };

    /// <summary>The availability flags in words: "工作日晚上、周末".</summary>
    public static string Label(this VolunteerAvailability a)
    {
        var parts = new List<string>();
        if (a.HasFlag(VolunteerAvailability.WeekdayDaytime))
            parts.Add("工作日白天");
        if (a.HasFlag(VolunteerAvailability.WeekdayEvening))
            parts.Add("工作日晚上");
        if (a.HasFlag(VolunteerAvailability.Weekend))
            parts.Add("周末");
        if (a.HasFlag(VolunteerAvailability.Night))
            parts.Add("夜间");
        if (a.HasFlag(VolunteerAvailability.OnCall))
            parts.Add("随叫随到");
        return parts.Count == 0 ? "未填写" : string.Join("、", parts);
    }

    public const VolunteerAvailability AllAvailability =
        VolunteerAvailability.WeekdayDaytime
        | VolunteerAvailability.WeekdayEvening
        | VolunteerAvailability.Weekend
        | VolunteerAvailability.Night
        | VolunteerAvailability.OnCall;
}
