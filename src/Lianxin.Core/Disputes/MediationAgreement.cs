using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>The people's mediation agreement (人民调解协议书) of a dispute. Edited while a draft; once
/// signed it takes effect and only its performance and judicial confirmation are recorded. When the
/// dispute is reopened after signing (a missed deadline, a recurrence) a new agreement with the next
/// sequence number may be drafted; the earlier one stays as it was, for the record.</summary>
public sealed class MediationAgreement : Entity
{
    public const int MaxParties = 20;
    public const int MaxMediators = 10;
    public const int JudicialWindowDays = 30;

    /// <summary>The default of <c>Disputes:AgreementReminderDays</c>.</summary>
    public const int PerformanceReminderDays = 3;
    public const int JudicialReminderDays = 5;
    public static readonly TimeSpan ChinaOffset = ChinaTime.Offset;

    private readonly List<AgreementParty> _parties = [];

    public Guid DisputeId { get; private set; }

    /// <summary>1 for the first agreement of a dispute, 2 for the one drafted after a reopening, …</summary>
    public int Sequence { get; private set; }

    /// <summary>The dispute's reopen count when drafted: a later reopening allows a new agreement.</summary>
    public int DisputeRound { get; private set; }
    public string Number { get; private set; } = "";
    public AgreementStatus Status { get; private set; }

    public string Facts { get; private set; } = "";
    public string Responsibilities { get; private set; } = "";
    public string AgreedContent { get; private set; } = "";
    public string PerformanceMethod { get; private set; } = "";
    public DateOnly PerformanceDeadline { get; private set; }

    /// <summary>End of the deadline day in China: from then on the agreement is overdue.</summary>
    public DateTimeOffset PerformanceDueAt { get; private set; }
    public List<string> Mediators { get; private set; } = [];

    public DateOnly? SignedOn { get; private set; }
    public string? SignedById { get; private set; }
    public DateOnly? PerformedOn { get; private set; }
    public string? PerformanceNote { get; private set; }
    public DateTimeOffset? PerformanceReminderSentAt { get; private set; }
    public DateTimeOffset? MissedAt { get; private set; }

    /// <summary>Whether the parties chose to apply jointly to the court for judicial confirmation (司法确认).</summary>
    public bool JudicialChosen { get; private set; }

    /// <summary>Last day of the 30 days from the agreement taking effect; set on signing.</summary>
    public DateOnly? JudicialDeadline { get; private set; }
    public DateTimeOffset? JudicialDueAt { get; private set; }
    public DateOnly? JudicialAppliedOn { get; private set; }
    public string? JudicialCourt { get; private set; }
    public JudicialResult? JudicialResult { get; private set; }
    public DateOnly? JudicialDecidedOn { get; private set; }
    public DateTimeOffset? JudicialReminderSentAt { get; private set; }

    public IReadOnlyList<AgreementParty> Parties => _parties.OrderBy(p => p.Position).ToList();

    private MediationAgreement() { }

    /// <summary>Whether the dispute is at a stage where an agreement can be drafted or signed.</summary>
    public static bool AllowedIn(DisputeStatus status) => status is DisputeStatus.Mediating or DisputeStatus.Resolved;

    /// <summary>A new draft. <paramref name="number"/> is the station's document number (<see cref="AgreementNumbers"/>);
    /// without one (a record made outside the service) the dispute's number and the sequence stand in.</summary>
    public static MediationAgreement Draft(
        Dispute dispute,
        int sequence,
        AgreementTerms terms,
        string by,
        DateTimeOffset at,
        string? number = null
    )
    {
        RequireStage(dispute);
        var agreement = new MediationAgreement
        {
            DisputeId = dispute.Id,
            Sequence = sequence,
            DisputeRound = dispute.ReopenCount,
            Number = number ?? $"{dispute.Number}-XY{sequence}",
            Status = AgreementStatus.Draft,
            CreatedById = by,
        };
        agreement.Apply(terms, at);
        return agreement;
    }

    public bool IsSigned => Status != AgreementStatus.Draft;

    /// <summary>A signed agreement gives way to a new one only once the dispute has been reopened since.</summary>
    public bool CanBeSucceededIn(Dispute dispute) => IsSigned && dispute.ReopenCount > DisputeRound;

    public void Revise(Dispute dispute, AgreementTerms terms, DateTimeOffset at)
    {
        if (IsSigned)
            throw new ConflictException("协议已签订生效，不能再修改；如纠纷重启，可重新拟订协议");
        RequireStage(dispute);
        Apply(terms, at);
    }

    /// <summary>The parties and the mediator have signed and the committee has sealed it: it takes effect,
    /// and the 30 days for judicial confirmation start. The dispute itself is resolved as a step of its own.</summary>
    public void Sign(Dispute dispute, DateOnly on, bool judicialChosen, string by, DateTimeOffset at)
    {
        if (IsSigned)
            throw new ConflictException("协议已经签订过了");
        RequireStage(dispute);
        var today = ChinaDay(at);
        if (on > today)
            throw new ValidationFailedException("signedOn", "签订日期不能晚于今天");
        if (on < ChinaDay(dispute.RegisteredAt))
            throw new ValidationFailedException("signedOn", "签订日期不能早于纠纷登记的日期");
        if (PerformanceDeadline < on)
            throw new ValidationFailedException("performanceDeadline", "履行期限不能早于签订日期，请先修改协议");
        Status = AgreementStatus.Signed;
        SignedOn = on;
        SignedById = by;
        JudicialChosen = judicialChosen;
        JudicialDeadline = on.AddDays(JudicialWindowDays);
        JudicialDueAt = EndOf(JudicialDeadline.Value);
        dispute.NoteAgreement(
            DisputeEventKind.AgreementSigned,
            by,
            at,
            $"签订人民调解协议书 {Number}，履行期限 {PerformanceDeadline:yyyy-MM-dd}" + (judicialChosen ? "；当事人选择申请司法确认" : "")
        );
    }

    /// <summary>Staff record that the parties performed what they agreed, in full or in part. Partial
    /// performance keeps the deadline running.</summary>
    public void RecordPerformance(Dispute dispute, bool full, DateOnly on, string? note, string by, DateTimeOffset at)
    {
        if (!IsSigned)
            throw new ConflictException("协议尚未签订，不能登记履行情况");
        if (Status == AgreementStatus.Performed)
            throw new ConflictException("协议已登记为全部履行");
        if (Status == AgreementStatus.Missed)
            throw new ConflictException("协议已因逾期未履行而重启纠纷，请在纠纷中重新调解或拟订新协议");
        new Checks().Optional("note", note, "履行情况", TextLimits.Text).ThrowIfAny();
        if (on > ChinaDay(at))
            throw new ValidationFailedException("performedOn", "履行日期不能晚于今天");
        if (on < SignedOn)
            throw new ValidationFailedException("performedOn", "履行日期不能早于协议签订日期");
        var cleanNote = Checks.Clean(note);
        if (!full && cleanNote is null)
            throw new ValidationFailedException("note", "部分履行时请说明已履行和未履行的内容");
        Status = full ? AgreementStatus.Performed : AgreementStatus.PartlyPerformed;
        PerformedOn = on;
        PerformanceNote = cleanNote;
        var what = full ? "协议已全部履行" : "协议部分履行";
        dispute.NoteAgreement(
            full ? DisputeEventKind.AgreementPerformed : DisputeEventKind.AgreementPartlyPerformed,
            by,
            at,
            Cut(cleanNote is null ? $"{what}（{on:yyyy-MM-dd}）" : $"{what}（{on:yyyy-MM-dd}）：{cleanNote}")
        );
    }

    /// <summary>The parties' choice and the court's steps: whether they apply jointly, when they applied,
    /// and the ruling. Applying is possible only within 30 days of the agreement taking effect.</summary>
    public void RecordJudicial(
        Dispute dispute,
        bool chosen,
        DateOnly? appliedOn,
        string? court,
        JudicialResult? result,
        DateOnly? decidedOn,
        string by,
        DateTimeOffset at
    )
    {
        if (!IsSigned)
            throw new ConflictException("协议签订生效后才能申请司法确认");
        var today = ChinaDay(at);
        var checks = new Checks().Optional("court", court, "受理法院", TextLimits.Title);
        if (!chosen && (appliedOn is not null || result is not null))
            checks.Add("chosen", "当事人未选择申请司法确认时，不能登记申请或裁定");
        if (appliedOn is { } applied)
        {
            if (applied > today)
                checks.Add("appliedOn", "申请日期不能晚于今天");
            if (applied < SignedOn)
                checks.Add("appliedOn", "申请日期不能早于协议签订日期");
            if (applied > JudicialDeadline)
                checks.Add("appliedOn", $"司法确认须自协议生效之日起 {JudicialWindowDays} 日内申请（截至 {JudicialDeadline:yyyy-MM-dd}）");
        }
        if (result is { } r && !Enum.IsDefined(r))
            checks.Add("result", "司法确认结果无效");
        if (result is not null && appliedOn is null)
            checks.Add("result", "请先登记申请日期，再登记法院的裁定");
        if (result is not null && decidedOn is null)
            checks.Add("decidedOn", "请填写法院裁定的日期");
        if (result is null && decidedOn is not null)
            checks.Add("result", "请选择法院的裁定结果");
        if (decidedOn is { } decided && (decided > today || (appliedOn is { } a && decided < a)))
            checks.Add("decidedOn", "裁定日期须在申请日期之后且不晚于今天");
        checks.ThrowIfAny();
        var changed =
            chosen != JudicialChosen
            || appliedOn != JudicialAppliedOn
            || result != JudicialResult
            || decidedOn != JudicialDecidedOn
            || Checks.Clean(court) != JudicialCourt;
        JudicialChosen = chosen;
        JudicialAppliedOn = appliedOn;
        JudicialCourt = Checks.Clean(court);
        JudicialResult = result;
        JudicialDecidedOn = decidedOn;
        if (!changed)
            return;
        var text =
            !chosen ? "当事人不申请司法确认"
            : result is { } res ? $"司法确认：{JudicialCourt ?? "法院"}于 {decidedOn:yyyy-MM-dd} 裁定{res.Label()}"
            : appliedOn is { } ap ? $"当事人于 {ap:yyyy-MM-dd} 向{JudicialCourt ?? "法院"}共同申请司法确认"
            : $"当事人选择申请司法确认，须在 {JudicialDeadline:yyyy-MM-dd} 前提出";
        dispute.NoteAgreement(DisputeEventKind.JudicialConfirmation, by, at, Cut(text));
    }

    // ---- deadlines, for the reminder job ----

    public bool AwaitsPerformance => Status is AgreementStatus.Signed or AgreementStatus.PartlyPerformed;

    public bool PerformanceReminderDue(DateTimeOffset now, int days = PerformanceReminderDays) =>
        PerformanceReminderSentAt is null && PerformanceDueSoon(now, days);

    /// <summary>Still to be performed, and within <paramref name="days"/> of its deadline.</summary>
    public bool PerformanceDueSoon(DateTimeOffset now, int days) =>
        AwaitsPerformance && now >= PerformanceDueAt.AddDays(-days) && now < PerformanceDueAt;

    public bool IsOverdue(DateTimeOffset now) => AwaitsPerformance && now >= PerformanceDueAt;

    public bool AwaitsJudicialApplication => IsSigned && JudicialChosen && JudicialAppliedOn is null;

    public bool JudicialReminderDue(DateTimeOffset now) =>
        AwaitsJudicialApplication
        && JudicialReminderSentAt is null
        && JudicialDueAt is { } due
        && now >= due.AddDays(-JudicialReminderDays)
        && now < due;

    public void MarkPerformanceReminderSent(DateTimeOffset at) => PerformanceReminderSentAt = at;

    public void MarkJudicialReminderSent(DateTimeOffset at) => JudicialReminderSentAt = at;

    /// <summary>The deadline passed without full performance: the agreement is marked missed and the
    /// dispute reopens (or, if it is still being mediated, the breach is noted on its timeline).</summary>
    public void MarkMissed(Dispute dispute, string by, DateTimeOffset at)
    {
        if (!IsOverdue(at))
            throw new ConflictException("协议未到履行期限或已履行，不能标记为逾期");
        Status = AgreementStatus.Missed;
        MissedAt = at;
        var why = Cut(
            $"人民调解协议书 {Number} 约定 {PerformanceDeadline:yyyy-MM-dd} 前履行，逾期未"
                + (PerformedOn is null ? "履行" : "全部履行")
                + "，纠纷重新调解"
        );
        dispute.ReopenForBreach(by, at, why);
    }

    // ---- helpers ----

    public static DateOnly ChinaDay(DateTimeOffset at) => ChinaTime.Day(at);

    /// <summary>Midnight after the given day in China, when that day is over; in UTC, as every stored time is.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => ChinaTime.StartUtc(day.AddDays(1));

    private static void RequireStage(Dispute dispute)
    {
        if (!AllowedIn(dispute.Status))
            throw new ConflictException(
                $"纠纷当前为“{DisputeTransitions.Describe(dispute.Status, dispute.Level)}”，只有调解中或已化解的纠纷才能拟订、签订调解协议"
            );
    }

    private void Apply(AgreementTerms t, DateTimeOffset at)
    {
        var checks = new Checks()
            .Required("facts", t.Facts, "纠纷的主要事实和争议事项", TextLimits.Text)
            .Required("responsibilities", t.Responsibilities, "各方当事人的责任", TextLimits.Text)
            .Required("agreedContent", t.AgreedContent, "协议内容", TextLimits.Text)
            .Required("performanceMethod", t.PerformanceMethod, "履行方式", TextLimits.Address);
        var parties = t.Parties ?? [];
        if (parties.Count < 2)
            checks.Add("parties", "调解协议至少须有两方当事人（个人或单位）");
        if (parties.Count > MaxParties)
            checks.Add("parties", $"当事人不能超过 {MaxParties} 方");
        for (var i = 0; i < parties.Count && i < MaxParties; i++)
        {
            var p = parties[i];
            var field = $"parties[{i}]";
            if (p is null)
            {
                checks.Add(field, $"第 {i + 1} 位当事人为空");
                continue;
            }
            var label = $"第 {i + 1} 位当事人";
            if (p.Role is not { } role || !Enum.IsDefined(role))
                checks.Add($"{field}.role", $"{label}须指明是申请人、被申请人还是其他当事人");
            var org = Checks.Clean(p.OrganizationName);
            checks
                .Required($"{field}.name", p.Name, org is null ? $"{label}的姓名" : $"{label}的法定代表人或负责人", TextLimits.Name)
                .Optional($"{field}.organizationName", p.OrganizationName, $"{label}的单位名称", TextLimits.Title)
                .Optional($"{field}.address", p.Address, $"{label}的住所", TextLimits.Address);
            if (p.Gender is { } g && !Enum.IsDefined(g))
                checks.Add($"{field}.gender", $"{label}的性别无效");
            if (p.Age is < 0 or > AgreementParty.MaxAge)
                checks.Add($"{field}.age", $"{label}的年龄须在 0 到 {AgreementParty.MaxAge} 之间");
            if (p.ResidentId == Guid.Empty)
                checks.Add($"{field}.residentId", $"{label}的居民编号无效");
        }
        var mediators = (t.Mediators ?? []).Select(Checks.Clean).ToList();
        if (mediators.Count(m => m is not null) == 0)
            checks.Add("mediators", "请填写调解员姓名");
        if (mediators.Count > MaxMediators)
            checks.Add("mediators", $"调解员不能超过 {MaxMediators} 位");
        if (mediators.Any(m => m is { Length: > TextLimits.Name }))
            checks.Add("mediators", $"调解员姓名不能超过 {TextLimits.Name} 个字");
        if (t.PerformanceDeadline is not { } deadline)
            checks.Add("performanceDeadline", "请填写履行期限");
        else if (deadline < ChinaDay(at))
            checks.Add("performanceDeadline", "履行期限不能早于今天");
        else if (deadline > ChinaDay(at).AddYears(5))
            checks.Add("performanceDeadline", "履行期限不能超过五年");
        checks.ThrowIfAny();

        _parties.Clear();
        for (var i = 0; i < parties.Count; i++)
        {
            var p = parties[i];
            _parties.Add(
                AgreementParty.Create(
                    i + 1,
                    p.Role!.Value,
                    p.Name!.Trim(),
                    Checks.Clean(p.OrganizationName),
                    p.Gender ?? Gender.Unknown,
                    p.Age,
                    Checks.Clean(p.Address),
                    p.IdNumber,
                    p.ResidentId
                )
            );
        }
        Facts = t.Facts!.Trim();
        Responsibilities = t.Responsibilities!.Trim();
        AgreedContent = t.AgreedContent!.Trim();
        PerformanceMethod = t.PerformanceMethod!.Trim();
        PerformanceDeadline = t.PerformanceDeadline!.Value;
        PerformanceDueAt = EndOf(PerformanceDeadline);
        Mediators = mediators.OfType<string>().Distinct().ToList();
    }

    private static string Cut(string text) => text.Length <= TextLimits.Text ? text : text[..TextLimits.Text];
}
