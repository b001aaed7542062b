using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

/// <summary>A dispute (矛盾纠纷) from first report to closing after follow-up. Every change of state goes
/// through a method here that checks <see cref="DisputeTransitions"/> and writes a
/// <see cref="DisputeEvent"/>, so the timeline is complete and no page can skip a step.</summary>
public sealed class Dispute : Entity, IScoped
{
    private readonly List<DisputeParty> _parties = [];
    private readonly List<DisputeEvent> _events = [];
    private readonly List<FollowUp> _followUps = [];

    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";

    /// <summary>Code from the "dispute-category" dictionary.</summary>
    public string CategoryCode { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? Address { get; private set; }

    /// <summary>Normalised address, set by the service, so disputes at one place can be counted together.</summary>
    public string? AddressKey { get; set; }
    public DisputeSource Source { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    public string RegisteredById { get; private set; } = "";
    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }

    public DisputeJurisdiction? Jurisdiction { get; private set; }
    public DateTimeOffset? TriagedAt { get; private set; }
    public DisputeStatus Status { get; private set; }

    /// <summary>The level being mediated at, or the level the dispute ended at; null before mediation.</summary>
    public MediationLevel? Level { get; private set; }

    /// <summary>When the mediation time limit started: at triage, and again when a recurrence reopens it.</summary>
    public DateTimeOffset? LimitStartedAt { get; private set; }
    public DateTimeOffset? EndedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ReferredTo { get; private set; }
    public OtherRoutes RoutesExplained { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>How many times the dispute was referred out.</summary>
    public int ReferralCount { get; private set; }

    /// <summary>When the people handling it were told the time limit is near; cleared when a new limit starts.</summary>
    public DateTimeOffset? NearLimitNotifiedAt { get; internal set; }
    public DisputeRisk? Risk { get; private set; }
    public DateTimeOffset? RiskAssessedAt { get; private set; }

    /// <summary>An earlier dispute about the same incidents: set when a second one was opened from a repeated-incident
    /// group whose incidents were in that one already, after the officer confirmed it. Both pages show the link.</summary>
    public Guid? RelatedDisputeId { get; private set; }

    public IReadOnlyList<DisputeParty> Parties => _parties;
    public IReadOnlyList<DisputeEvent> Events => _events;
    public IReadOnlyList<FollowUp> FollowUps => _followUps;

    private Dispute() { }

    public static Dispute Register(DisputeRegistration form, string by, DateTimeOffset at)
    {
        var checks = new Checks()
            .Required("number", form.Number, "纠纷编号", TextLimits.Code)
            .Required("title", form.Title, "标题", TextLimits.Title)
            .Required("categoryCode", form.CategoryCode, "纠纷类别", TextLimits.Code)
            .Required("description", form.Description, "纠纷情况", TextLimits.Text)
            .Optional("address", form.Address, "地址", TextLimits.Address);
        if (!Enum.IsDefined(form.Source))
            checks.Add("source", "纠纷来源无效");
        if (form.OrgUnitId == Guid.Empty)
            checks.Add("orgUnitId", "请选择纠纷所在单位");
        if (string.IsNullOrWhiteSpace(by))
            checks.Add("registeredBy", "登记人不能为空");
        checks.ThrowIfAny();

        var dispute = new Dispute
        {
            Number = form.Number.Trim(),
            Title = form.Title.Trim(),
            CategoryCode = form.CategoryCode.Trim(),
            Description = form.Description.Trim(),
            Address = Checks.Clean(form.Address),
            Source = form.Source,
            OrgUnitId = form.OrgUnitId,
            RegisteredAt = at,
            RegisteredById = by,
            CreatedById = by,
            Status = DisputeStatus.Registered,
        };
        dispute._parties.AddRange(form.Parties);
        dispute._events.Add(new DisputeEvent(DisputeEventKind.Registered, at, by, null, null, DisputeStatus.Registered, null, null));
        return dispute;
    }

    /// <summary>Links this dispute to an earlier one about the same incidents (see <see cref="RelatedDisputeId"/>).</summary>
    public void RelateTo(Guid earlier)
    {
        if (earlier == Id)
            throw new InvalidOperationException("A dispute cannot be related to itself.");
        RelatedDisputeId = earlier;
    }

    public IReadOnlyList<DisputeAction> AllowedActions => DisputeTransitions.Allowed(Status, Level);

    /// <summary>Only before the first save, when two registrations drew the same ledger number.</summary>
    internal void Renumber(string number) => Number = number;

    public bool IsOpen => Status.IsOpen();

    /// <summary>Mediation attempts that did not settle it: each level recorded as failed, and a failed end.</summary>
    public int FailedMediationCount => _events.Count(e => e.Kind is DisputeEventKind.AttemptFailed or DisputeEventKind.Failed);

    // ---- parties ----

    public void AddParty(DisputeParty party, string by, DateTimeOffset at)
    {
        Require(DisputeAction.EditParties, by, at);
        if (_parties.Any(p => p.Id == party.Id))
            throw new ConflictException("该当事人已在本纠纷中");
        _parties.Add(party);
    }

    public void RemoveParty(Guid partyId, string by, DateTimeOffset at)
    {
        Require(DisputeAction.EditParties, by, at);
        var party = _parties.Find(p => p.Id == partyId) ?? throw new NotFoundException("该纠纷中没有这个当事人");
        _parties.Remove(party);
    }

    // ---- the state machine ----

    public void Triage(DisputeJurisdiction jurisdiction, string by, DateTimeOffset at, string? reason = null)
    {
        Require(DisputeAction.Triage, by, at);
        if (!Enum.IsDefined(jurisdiction))
            throw new ValidationFailedException("jurisdiction", "管辖分类无效");
        if (_parties.Count == 0)
            throw new ValidationFailedException("parties", "分流前请至少登记一方当事人（身份不明也可登记）");
        Jurisdiction = jurisdiction;
        TriagedAt = at;
        LimitStartedAt = at;
        Move(DisputeEventKind.Triaged, DisputeStatus.Triaged, null, by, at, reason);
    }

    /// <summary>Starts mediation at any level: a simple matter may begin with the household head, a
    /// complex one straight in the comprehensive mediation room.</summary>
    public void StartMediation(MediationLevel level, string by, DateTimeOffset at, string? reason = null)
    {
        Require(DisputeAction.StartMediation, by, at);
        if (!level.IsDefined())
            throw new ValidationFailedException("level", "调解层级无效");
        Move(DisputeEventKind.MediationStarted, DisputeStatus.Mediating, level, by, at, reason);
    }

    /// <summary>Moves mediation up one or more levels; never down or sideways. The reason is required.</summary>
    public void Escalate(MediationLevel to, string by, DateTimeOffset at, string reason)
    {
        Require(DisputeAction.Escalate, by, at);
        var current = Level!.Value;
        if (!to.IsDefined() || to <= current)
        {
            var above = string.Join("、", current.Above().Select(l => l.Label()));
            throw new ValidationFailedException("level", $"只能向上升级：当前为{current.Label()}，可升至{above}");
        }
        Move(DisputeEventKind.Escalated, DisputeStatus.Mediating, to, by, at, RequiredReason(reason, "升级原因"));
    }

    /// <summary>Records that mediation at the current level did not settle it. The dispute stays at this
    /// level; from here it can be escalated, tried again, referred, or ended as failed.</summary>
    public void RecordFailedAttempt(string by, DateTimeOffset at, string reason)
    {
        Require(DisputeAction.RecordFailedAttempt, by, at);
        Move(DisputeEventKind.AttemptFailed, DisputeStatus.Mediating, Level, by, at, RequiredReason(reason, "未成原因"));
    }

    public void Resolve(string by, DateTimeOffset at, string? summary = null)
    {
        Require(DisputeAction.Resolve, by, at);
        End(DisputeEventKind.Resolved, DisputeStatus.Resolved, Level, by, at, summary);
    }

    /// <summary>Transfers the dispute to the body that should handle it (警调衔接); the station still
    /// follows it to the end.</summary>
    public void Refer(string receiver, string by, DateTimeOffset at, string? reason = null)
    {
        Require(DisputeAction.Refer, by, at);
        new Checks().Required("receiver", receiver, "接收单位", TextLimits.Title).ThrowIfAny();
        End(DisputeEventKind.Referred, DisputeStatus.Referred, Level, by, at, reason);
        ReferredTo = receiver.Trim();
        ReferralCount++;
    }

    /// <summary>Refers the dispute with a transfer form (移交函). A form naming no receiver is refused before
    /// anything changes; the returned referral is saved together with the dispute.</summary>
    public Referral ReferWithForm(
        Referral.Form form,
        ProtectedText contactPhone,
        string by,
        DateTimeOffset at,
        WorkingDays? calendar = null
    )
    {
        Referral.Validate(form);
        var referral = Referral.Create(this, form, contactPhone, by, at, calendar);
        var receiver = referral.ReceiverLabel;
        Refer(receiver.Length > TextLimits.Title ? receiver[..TextLimits.Title] : receiver, by, at, Fit(form.Reason!.Trim()));
        return referral;
    }

    /// <summary>The receiver confirms it has the case; the dispute stays referred.</summary>
    public void AcknowledgeReferral(
        Referral referral,
        ReferralChannel via,
        string? staffId,
        string receiverName,
        string by,
        DateTimeOffset at
    )
    {
        Require(DisputeAction.AcknowledgeReferral, by, at);
        OwnReferral(referral);
        var name = Referral.CheckedName(receiverName);
        referral.Acknowledge(via, staffId, name, at);
        Move(
            DisputeEventKind.ReferralAcknowledged,
            DisputeStatus.Referred,
            Level,
            by,
            at,
            Fit($"{referral.ReceiverOrganization} {name} 签收（{via.Label()}）")
        );
    }

    /// <summary>The receiver's result closes the referral: resolved ends the dispute as resolved (follow-up
    /// visits are then booked as for any resolution); not resolved or returned hands it back to the station,
    /// triaged with its jurisdiction kept and a fresh time limit.</summary>
    public void RecordReferralResult(
        Referral referral,
        ReferralOutcome? outcome,
        string? text,
        ReferralChannel via,
        string? staffId,
        string receiverName,
        string by,
        DateTimeOffset at
    )
    {
        Require(DisputeAction.RecordReferralResult, by, at);
        OwnReferral(referral);
        var checks = new Checks().Optional("resultText", text, "处理结果说明", TextLimits.Text);
        if (outcome is null)
            checks.Add("outcome", "请选择处理结果（已化解、未化解或退回）");
        else if (!Enum.IsDefined(outcome.Value))
            checks.Add("outcome", "处理结果无效");
        else if (outcome != ReferralOutcome.Resolved && string.IsNullOrWhiteSpace(text))
            checks.Add("resultText", outcome == ReferralOutcome.Returned ? "退回须说明理由" : "未化解须说明情况");
        checks.ThrowIfAny();
        var name = Referral.CheckedName(receiverName);
        var cleanText = Checks.Clean(text);
        referral.RecordResult(outcome!.Value, cleanText ?? "", via, staffId, name, at);
        var why = Fit(
            $"{referral.ReceiverOrganization} {name} 反馈：{outcome.Value.Label()}" + (cleanText is null ? "" : $"。{cleanText}")
        );
        if (outcome == ReferralOutcome.Resolved)
        {
            End(DisputeEventKind.ReferralResultReported, DisputeStatus.Resolved, Level, by, at, why);
            return;
        }
        foreach (var followUp in _followUps.Where(f => f.IsPending))
            followUp.Cancel(at);
        Move(DisputeEventKind.ReferralResultReported, DisputeStatus.Triaged, null, by, at, why);
        EndedAt = null;
        ReferredTo = null;
        LimitStartedAt = at;
    }

    private void OwnReferral(Referral referral)
    {
        if (referral.DisputeId != Id)
            throw new NotFoundException("该纠纷没有这条移交记录");
    }

    private static string Fit(string text) => text.Length > TextLimits.Text ? text[..TextLimits.Text] : text;

    /// <summary>Ends mediation as failed. The parties must have been told their other routes.</summary>
    public void Fail(OtherRoutes routesExplained, string by, DateTimeOffset at, string? reason = null)
    {
        Require(DisputeAction.Fail, by, at);
        if (routesExplained == OtherRoutes.None || (routesExplained & ~OtherRoutesExtensions.All) != 0)
            throw new ValidationFailedException(
                "routesExplained",
                "调解不成时须告知当事人其他解决途径（仲裁、行政处理、诉讼），请至少选择一项已告知的途径"
            );
        End(DisputeEventKind.Failed, DisputeStatus.Failed, Level, by, at, reason);
        RoutesExplained = routesExplained;
    }

    public void Withdraw(string by, DateTimeOffset at, string reason)
    {
        Require(DisputeAction.Withdraw, by, at);
        End(DisputeEventKind.Withdrawn, DisputeStatus.Withdrawn, Level, by, at, RequiredReason(reason, "撤回原因"));
    }

    // ---- follow-up and closing ----

    public FollowUp ScheduleFollowUp(DateTimeOffset dueAt, string by, DateTimeOffset at, string? assignTo = null)
    {
        Require(DisputeAction.ScheduleFollowUp, by, at);
        if (dueAt < EndedAt)
            throw new ValidationFailedException("dueAt", "回访日期不能早于纠纷办结的时间");
        if (_followUps.Count(f => f.IsPending) >= MaxPendingFollowUps)
            throw new ConflictException($"待完成的回访已有 {MaxPendingFollowUps} 次，请先完成已安排的回访");
        var followUp = new FollowUp(dueAt, by, at, Checks.Clean(assignTo));
        _followUps.Add(followUp);
        return followUp;
    }

    public const int MaxPendingFollowUps = 10;

    /// <summary>Hands a visit not yet made to another person, who is then reminded before it is due.
    /// Not a step of the state machine: it changes who visits, not where the dispute stands.</summary>
    public void AssignFollowUp(Guid followUpId, string assigneeId, string by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(by))
            throw new ValidationFailedException("by", "操作人不能为空");
        if (string.IsNullOrWhiteSpace(assigneeId))
            throw new ValidationFailedException("assigneeId", "请选择回访人");
        var followUp = _followUps.Find(f => f.Id == followUpId) ?? throw new NotFoundException("该纠纷没有这次回访");
        if (!followUp.IsPending)
            throw new ConflictException(followUp.IsDone ? "这次回访已经完成，不能再改派" : "这次回访已因纠纷重启而取消");
        if (followUp.AssignedToId == assigneeId)
            return;
        followUp.Assign(assigneeId);
        _events.Add(
            new DisputeEvent(
                DisputeEventKind.FollowUpAssigned,
                at,
                by,
                Status,
                Level,
                Status,
                Level,
                $"{followUp.DueAt.ToOffset(DisputeTimeLimits.ChinaOffset):yyyy-MM-dd} 的回访改派"
            )
        );
    }

    /// <summary>Records a visit's result. A recurring result reopens the dispute at once.</summary>
    public void RecordFollowUp(Guid followUpId, FollowUpResult result, string by, DateTimeOffset at, string? note = null)
    {
        Require(DisputeAction.RecordFollowUp, by, at);
        var followUp = _followUps.Find(f => f.Id == followUpId) ?? throw new NotFoundException("该纠纷没有这次回访");
        if (!followUp.IsPending)
            throw new ConflictException(followUp.IsDone ? "这次回访已经登记过结果" : "这次回访已因纠纷重启而取消");
        if (!Enum.IsDefined(result))
            throw new ValidationFailedException("result", "回访结果无效");
        new Checks().Optional("note", note, "回访情况", TextLimits.Text).ThrowIfAny();
        var cleanNote = Checks.Clean(note);
        followUp.MarkDone(result, by, at, cleanNote);
        if (result == FollowUpResult.Recurring)
        {
            var why = cleanNote is null ? "回访发现复发" : $"回访发现复发：{cleanNote}";
            Reopen(by, at, why.Length > TextLimits.Text ? why[..TextLimits.Text] : why);
        }
    }

    /// <summary>Closes the loop: at least one follow-up visit since the dispute ended, and none outstanding.</summary>
    public void Close(string by, DateTimeOffset at, string? reason = null)
    {
        Require(DisputeAction.Close, by, at);
        var pending = _followUps.Count(f => f.IsPending);
        if (pending > 0)
            throw new ConflictException($"还有 {pending} 次回访未完成，完成回访后才能结案");
        if (!_followUps.Any(f => f.IsDone && f.DoneAt >= EndedAt))
            throw new ConflictException("结案前须至少完成一次回访，确认纠纷没有复发");
        Move(DisputeEventKind.Closed, DisputeStatus.Closed, Level, by, at, reason);
        ClosedAt = at;
    }

    /// <summary>A recurrence: the dispute goes back to triaged (its jurisdiction kept) with a fresh time
    /// limit; visits not yet made no longer apply.</summary>
    public void Reopen(string by, DateTimeOffset at, string reason)
    {
        Require(DisputeAction.Reopen, by, at);
        var why = RequiredReason(reason, "重启原因");
        foreach (var followUp in _followUps.Where(f => f.IsPending))
            followUp.Cancel(at);
        Move(DisputeEventKind.Reopened, DisputeStatus.Triaged, null, by, at, why);
        EndedAt = null;
        ClosedAt = null;
        ReferredTo = null;
        RoutesExplained = OtherRoutes.None;
        LimitStartedAt = at;
        NearLimitNotifiedAt = null;
        ReopenCount++;
    }

    // ---- the mediation agreement ----

    /// <summary>Notes a step of the mediation agreement (<see cref="MediationAgreement"/>) on the timeline.
    /// The state does not change: resolving stays a step of its own.</summary>
    internal void NoteAgreement(DisputeEventKind kind, string by, DateTimeOffset at, string note)
    {
        if (
            kind
            is not (
                DisputeEventKind.AgreementSigned
                or DisputeEventKind.AgreementPerformed
                or DisputeEventKind.AgreementPartlyPerformed
                or DisputeEventKind.AgreementMissed
                or DisputeEventKind.JudicialConfirmation
            )
        )
            throw new ArgumentOutOfRangeException(nameof(kind));
        Move(kind, Status, Level, by, at, note);
    }

    /// <summary>The agreement was not performed in time. A dispute that had ended (or was closed) reopens with
    /// the breach as its reason; one still being mediated carries on, the breach noted on its timeline.
    /// One event either way, so the timeline's order never depends on two steps at the same instant.</summary>
    internal void ReopenForBreach(string by, DateTimeOffset at, string reason)
    {
        if (DisputeTransitions.IsAllowed(Status, Level, DisputeAction.Reopen))
            Reopen(by, at, reason);
        else
            NoteAgreement(DisputeEventKind.AgreementMissed, by, at, reason);
    }

    // ---- time limits ----

    /// <summary>When mediation should have concluded; null when no limit runs (not yet triaged, or ended).</summary>
    public DateTimeOffset? MediationDueAt(DisputeTimeLimits? limits = null) =>
        Status is DisputeStatus.Triaged or DisputeStatus.Mediating && LimitStartedAt is { } start
            ? (limits ?? DisputeTimeLimits.Default).DueFrom(start)
            : null;

    public bool IsOverdue(DateTimeOffset now, DisputeTimeLimits? limits = null) => MediationDueAt(limits) is { } due && now > due;

    /// <summary>Within the warning window before the limit, and not yet past it.</summary>
    public bool IsNearingLimit(DateTimeOffset now, DisputeTimeLimits? limits = null)
    {
        var rules = limits ?? DisputeTimeLimits.Default;
        return MediationDueAt(rules) is { } due && now >= rules.NearingFrom(due) && now <= due;
    }

    /// <summary>Whole days from registration to its end, or to <paramref name="now"/> while open.</summary>
    public int DaysOpen(DateTimeOffset now)
    {
        var until = EndedAt ?? now;
        return until <= RegisteredAt ? 0 : (int)(until - RegisteredAt).TotalDays;
    }

    // ---- risk ----

    /// <summary>Keeps the latest grade. Returns true when the grade has just become red, so the caller
    /// notifies the station leader once rather than on every regrading.</summary>
    public bool RecordRisk(RiskAssessment assessment, DateTimeOffset at) => RecordRisk(assessment, at, null, null);

    /// <summary>Records a grade. A grade that moves after the first one is noted on the timeline, with what made
    /// the dispute be graded again (<paramref name="cause"/>) and the factors behind the new grade.</summary>
    public bool RecordRisk(RiskAssessment assessment, DateTimeOffset at, string? by, string? cause)
    {
        var becameRed = assessment.IsRed && Risk != DisputeRisk.Red;
        if (Risk is { } before && before != assessment.Grade && !string.IsNullOrWhiteSpace(by))
        {
            var factors = assessment.Factors.Count == 0 ? "无风险因素" : string.Join("；", assessment.Factors.Select(f => f.Reason));
            var text = $"风险等级由{before.Label()}调为{assessment.Grade.Label()}（{Checks.Clean(cause) ?? "重新评估"}）：{factors}";
            if (text.Length > TextLimits.Text)
                text = text[..(TextLimits.Text - 1)] + "…";
            _events.Add(new DisputeEvent(DisputeEventKind.RiskRegraded, at, by, Status, Level, Status, Level, text));
        }
        Risk = assessment.Grade;
        RiskAssessedAt = at;
        return becameRed;
    }

    // ---- helpers ----

    private void Require(DisputeAction action, string by, DateTimeOffset at)
    {
        if (!DisputeTransitions.IsAllowed(Status, Level, action))
            throw new ConflictException(DisputeTransitions.RefusalMessage(Status, Level, action));
        if (string.IsNullOrWhiteSpace(by))
            throw new ValidationFailedException("by", "操作人不能为空");
        if (_events.Count > 0 && at < _events[^1].At)
            throw new ValidationFailedException("at", "操作时间不能早于上一步的时间");
    }

    private static string RequiredReason(string? reason, string label)
    {
        new Checks().Required("reason", reason, label, TextLimits.Text).ThrowIfAny();
        return reason!.Trim();
    }

    private void End(DisputeEventKind kind, DisputeStatus to, MediationLevel? level, string by, DateTimeOffset at, string? reason)
    {
        Move(kind, to, level, by, at, reason);
        EndedAt = at;
    }

    private void Move(DisputeEventKind kind, DisputeStatus to, MediationLevel? level, string by, DateTimeOffset at, string? reason)
    {
        new Checks().Optional("reason", reason, "说明", TextLimits.Text).ThrowIfAny();
        _events.Add(new DisputeEvent(kind, at, by, Status, Level, to, level, Checks.Clean(reason)));
        Status = to;
        Level = level;
    }
}
