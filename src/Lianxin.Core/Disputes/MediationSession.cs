using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>One mediation session (调解记录) of a dispute: planned first and recorded later, or recorded
/// straight away; a plan can be cancelled with a reason. Sessions are planned and recorded only while
/// the dispute is open, and an outcome never moves the dispute by itself.</summary>
public sealed class MediationSession : Entity
{
    public const int MaxLinkLength = 500;
    public const int MaxMediators = 20;
    public const int MaxAttendees = 50;

    /// <summary>How far a planned time may lie in the past (a form filled in slowly), or a held time in the future (clock drift).</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan FurthestPlan = TimeSpan.FromDays(366);

    private readonly List<SessionMediator> _mediators = [];
    private readonly List<SessionAttendee> _attendees = [];

    public Guid DisputeId { get; private set; }
    public Dispute? Dispute { get; private set; }
    public MediationLevel Level { get; private set; }
    public SessionStatus Status { get; private set; }

    /// <summary>When the session is planned for, or when it was held once recorded.</summary>
    public DateTimeOffset At { get; private set; }

    /// <summary>The planned time, kept after the session is held; null when it was recorded without a plan.</summary>
    public DateTimeOffset? PlannedAt { get; private set; }
    public string? Place { get; private set; }
    public string? VideoLink { get; private set; }
    public IReadOnlyList<SessionMediator> Mediators => _mediators;
    public IReadOnlyList<SessionAttendee> Attendees => _attendees;
    public string? Summary { get; private set; }
    public MediationOutcome? Outcome { get; private set; }
    public DateTimeOffset? RecordedAt { get; private set; }
    public string? RecordedById { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public string? CancelledById { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>Set when the reminder before a planned session went out, so it goes out once.</summary>
    public DateTimeOffset? ReminderSentAt { get; private set; }

    private MediationSession() { }

    public static MediationSession Plan(Dispute dispute, SessionForm form, string by, DateTimeOffset now)
    {
        RequireOpen(dispute);
        var session = new MediationSession { DisputeId = dispute.Id, CreatedById = by };
        session.ApplyPlan(dispute, form, now);
        session.Status = SessionStatus.Planned;
        return session;
    }

    /// <summary>A session recorded after it happened, without a plan beforehand.</summary>
    public static MediationSession Record(Dispute dispute, SessionForm form, string by, DateTimeOffset now)
    {
        RequireOpen(dispute);
        var session = new MediationSession { DisputeId = dispute.Id, CreatedById = by };
        session.ApplyRecord(dispute, form, by, now);
        return session;
    }

    /// <summary>With an outcome: records the session as held (or corrects a held record). Without one:
    /// changes the plan of a session not yet held.</summary>
    public void Update(Dispute dispute, SessionForm form, string by, DateTimeOffset now)
    {
        if (dispute.Id != DisputeId)
            throw new NotFoundException("该纠纷没有这次调解");
        RequireOpen(dispute);
        if (Status == SessionStatus.Cancelled)
            throw new ConflictException("这次调解已取消，不能再修改或记录");
        if (form.Outcome is null && Status == SessionStatus.Held)
            throw new ValidationFailedException("outcome", "已召开的调解须选择调解结果");
        if (form.Outcome is null)
        {
            var before = At;
            ApplyPlan(dispute, form, now);
            if (At != before)
                ReminderSentAt = null; // a new time earns a new reminder
            return;
        }
        ApplyRecord(dispute, form, by, now);
    }

    /// <summary>Calls off a planned session. A held session stays on record; it cannot be cancelled.</summary>
    public void Cancel(string? reason, string by, DateTimeOffset now)
    {
        if (Status == SessionStatus.Held)
            throw new ConflictException("这次调解已召开并记录，不能取消");
        if (Status == SessionStatus.Cancelled)
            throw new ConflictException("这次调解已经取消");
        new Checks().Required("reason", reason, "取消原因", TextLimits.Text).ThrowIfAny();
        if (string.IsNullOrWhiteSpace(by))
            throw new ValidationFailedException("by", "操作人不能为空");
        Status = SessionStatus.Cancelled;
        CancelReason = reason!.Trim();
        CancelledAt = now;
        CancelledById = by;
    }

    /// <summary>A planned session starting within <paramref name="window"/> whose reminder has not gone out.</summary>
    public bool IsReminderDue(DateTimeOffset now, TimeSpan window) =>
        Status == SessionStatus.Planned && ReminderSentAt is null && At > now && At <= now + window;

    public void MarkReminded(DateTimeOffset now)
    {
        if (ReminderSentAt is not null)
            throw new ConflictException("这次调解的提醒已经发出");
        ReminderSentAt = now;
    }

    // ---- rules ----

    private static void RequireOpen(Dispute dispute)
    {
        if (!dispute.IsOpen)
            throw new ConflictException(
                $"纠纷当前为“{dispute.Status.Label()}”，只有在办的纠纷才能安排或记录调解；如纠纷复发，请先复发重启"
            );
    }

    private void ApplyPlan(Dispute dispute, SessionForm form, DateTimeOffset now)
    {
        var checks = CheckShared(dispute, form, out var level);
        if (form.At is not { } at)
            checks.Add("at", "请填写计划调解的时间");
        else if (at < now - Slack)
            checks.Add("at", "计划时间已过；如调解已经召开，请直接记录调解情况");
        else if (at > now + FurthestPlan)
            checks.Add("at", "计划时间不能晚于一年之后");
        if (Checks.Clean(form.Summary) is not null)
            checks.Add("summary", "调解召开后才能填写调解情况");
        checks.ThrowIfAny();
        Level = level!.Value;
        At = form.At!.Value;
        PlannedAt = At;
        SetCommon(form);
    }

    private void ApplyRecord(Dispute dispute, SessionForm form, string by, DateTimeOffset now)
    {
        var checks = CheckShared(dispute, form, out var level);
        // Recording a planned session keeps its planned time unless the actual time is given, or the
        // plan still lies ahead (the session was brought forward).
        var at = form.At ?? (Status == SessionStatus.Planned && At <= now ? At : now);
        if (at > now + Slack)
            checks.Add("at", "调解时间不能晚于现在；尚未召开的调解请先计划");
        else if (at < dispute.RegisteredAt - Slack)
            checks.Add("at", "调解时间不能早于纠纷登记时间");
        checks.Required("summary", form.Summary, "调解情况", TextLimits.Text);
        if (form.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            checks.Add("outcome", "请选择调解结果");
        if (string.IsNullOrWhiteSpace(by))
            checks.Add("by", "记录人不能为空");
        checks.ThrowIfAny();
        Level = level!.Value;
        At = at;
        SetCommon(form);
        Summary = form.Summary!.Trim();
        Outcome = form.Outcome;
        Status = SessionStatus.Held;
        RecordedAt = now;
        RecordedById = by;
    }

    private static Checks CheckShared(Dispute dispute, SessionForm form, out MediationLevel? level)
    {
        var checks = new Checks()
            .Optional("place", form.Place, "调解地点", TextLimits.Address)
            .Optional("summary", form.Summary, "调解情况", TextLimits.Text);
        level = form.Level ?? dispute.Level;
        if (level is null)
            checks.Add("level", "纠纷尚未进入调解，请选择本次调解的层级");
        else if (!level.Value.IsDefined())
            checks.Add("level", "调解层级无效");
        var link = Checks.Clean(form.VideoLink);
        if (Checks.Clean(form.Place) is null && link is null)
            checks.Add("place", "请填写调解地点或视频链接（县级中心远程调解填写视频链接）");
        if (link is not null && !IsWebLink(link))
            checks.Add("videoLink", "视频链接须为 http:// 或 https:// 开头的完整网址");
        if (link is { Length: > MaxLinkLength })
            checks.Add("videoLink", $"视频链接不能超过 {MaxLinkLength} 个字符");
        if (form.Mediators.Count == 0)
            checks.Add("mediators", "请至少选择或填写一位调解人员");
        if (form.Mediators.Count > MaxMediators)
            checks.Add("mediators", $"调解人员不能超过 {MaxMediators} 位");
        foreach (var m in form.Mediators)
        {
            checks
                .Required("mediators", m.Name, "调解人员姓名", TextLimits.Name)
                .Optional("mediators", m.Organization, "调解人员所在单位", TextLimits.Title);
        }
        if (form.Mediators.Where(m => m.MemberId is not null).GroupBy(m => m.MemberId).Any(g => g.Count() > 1))
            checks.Add("mediators", "同一位调解人员不能重复选择");
        if (form.Attendees.Count > MaxAttendees)
            checks.Add("attendees", $"参加人员不能超过 {MaxAttendees} 位");
        foreach (var a in form.Attendees)
        {
            checks
                .Required("attendees", a.Name, "参加人员姓名", TextLimits.Name)
                .Optional("attendees", a.Note, "参加人员说明", TextLimits.Title);
            if (a.PartyId is { } party && dispute.Parties.All(p => p.Id != party))
                checks.Add("attendees", "参加人员中的当事人不属于本纠纷");
        }
        return checks;
    }

    private void SetCommon(SessionForm form)
    {
        Place = Checks.Clean(form.Place);
        VideoLink = Checks.Clean(form.VideoLink);
        _mediators.Clear();
        _mediators.AddRange(form.Mediators);
        _attendees.Clear();
        _attendees.AddRange(form.Attendees);
    }

    public static bool IsWebLink(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0
        && !value.Any(char.IsWhiteSpace);
}
