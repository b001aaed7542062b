using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Disputes;

/// <summary>The mediation agreement of a dispute: drafted, signed, performed and confirmed, each step
/// within the caller's scope and noted on the dispute's timeline.</summary>
public sealed class AgreementService(
    LianxinDbContext db,
    ICurrentUser user,
    PersonalDataProtector protector,
    IOptions<DisputeOptions> options
)
{
    /// <summary>The current agreement, or null when the dispute has none yet.</summary>
    public async Task<AgreementView?> GetAsync(Guid disputeId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var d = await DisputeAsync(disputeId, tracked: false, ct);
        var a = await CurrentAsync(d.Id, tracked: false, ct);
        return a is null ? null : AgreementView.From(a, d, db.Now, options.Value.AgreementReminderDays);
    }

    /// <summary>What the edit form starts from: the current draft, or the dispute's parties with their
    /// registry details for a new one.</summary>
    public async Task<AgreementDraft> DraftAsync(Guid disputeId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var d = await DisputeAsync(disputeId, tracked: false, ct);
        var a = await CurrentAsync(d.Id, tracked: false, ct);
        var canDraft = MediationAgreement.AllowedIn(d.Status) && (a is null || !a.IsSigned || a.CanBeSucceededIn(d));
        if (a is not null && !a.IsSigned)
        {
            var input = new AgreementInput(
                a.Parties.Select(p => new AgreementPartyInput(
                        p.Role,
                        p.Name,
                        p.OrganizationName,
                        p.Gender,
                        p.Age,
                        null,
                        p.Address,
                        p.ResidentId,
                        p.Id
                    ))
                    .ToList(),
                a.Facts,
                a.Responsibilities,
                a.AgreedContent,
                a.PerformanceMethod,
                a.PerformanceDeadline,
                [.. a.Mediators],
                a.Version
            );
            return new AgreementDraft(input, a.Parties.Select(p => p.IdNumberMasked).ToList(), canDraft);
        }
        var scope = await user.GetScopeAsync(ct);
        var ids = d.Parties.Where(p => p.ResidentId is not null).Select(p => p.ResidentId!.Value).ToList();
        var residents = await db
            .Residents.AsNoTracking()
            .Where(scope.Filter<Resident>())
            .Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, ct);
        var today = MediationAgreement.ChinaDay(db.Now);
        var parties = new List<AgreementPartyInput>();
        var masked = new List<string?>();
        foreach (var p in d.Parties.Where(p => !p.IsUnidentified))
        {
            var r = p.ResidentId is { } rid && residents.TryGetValue(rid, out var found) ? found : null;
            parties.Add(
                new AgreementPartyInput(
                    p.Role,
                    p.Name ?? r?.Name,
                    p.OrganizationName,
                    r?.Gender,
                    AgeOn(r?.BirthDate, today),
                    null,
                    r?.Address,
                    r?.Id
                )
            );
            masked.Add(r?.IdNumberMasked);
        }
        var facts = a?.Facts ?? d.Description;
        return new AgreementDraft(
            new AgreementInput(
                parties,
                facts,
                a?.Responsibilities,
                a?.AgreedContent,
                a?.PerformanceMethod,
                a is null ? today.AddDays(15) : null,
                a is null ? [] : [.. a.Mediators]
            ),
            masked,
            canDraft
        );
    }

    /// <summary>Creates the agreement, or changes the draft (version-checked). After signing it cannot be
    /// changed; a new one may be drafted only once the dispute has been reopened since.</summary>
    public async Task<MediationAgreement> SaveAsync(Guid disputeId, AgreementInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var d = await DisputeAsync(disputeId, tracked: true, ct);
        var current = await CurrentAsync(d.Id, tracked: true, ct);
        var now = db.Now;
        if (current is not null && !current.IsSigned)
        {
            Concurrency.Expect(db, current, input.Version);
            current.Revise(d, await TermsAsync(input, current, now, ct), now);
            db.Entry(current).Property(x => x.UpdatedAt).IsModified = true;
            await db.SaveChangesAsync(ct);
            return current;
        }
        if (current is not null && !current.CanBeSucceededIn(d))
            throw new ConflictException("协议已签订生效，不能再修改；纠纷因逾期未履行或复发重启后，才能重新拟订协议");
        // The station's number is taken in the draft's transaction: a draft refused after it gives the number back.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var agreement = MediationAgreement.Draft(
            d,
            (current?.Sequence ?? 0) + 1,
            await TermsAsync(input, null, now, ct),
            user.UserId ?? "system",
            now,
            await AgreementNumbers.NextAsync(db, d.OrgUnitId, now, ct)
        );
        db.MediationAgreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return agreement;
    }

    public Task<MediationAgreement> SignAsync(Guid disputeId, AgreementSignInput input, CancellationToken ct = default) =>
        StepAsync(
            disputeId,
            input.Version,
            (a, d, by, now) => a.Sign(d, input.SignedOn ?? MediationAgreement.ChinaDay(now), input.JudicialChosen, by, now),
            ct
        );

    public Task<MediationAgreement> RecordPerformanceAsync(
        Guid disputeId,
        AgreementPerformanceInput input,
        CancellationToken ct = default
    ) =>
        StepAsync(
            disputeId,
            input.Version,
            (a, d, by, now) =>
            {
                if (input.Full is not { } full)
                    throw new ValidationFailedException("full", "请选择全部履行还是部分履行");
                a.RecordPerformance(d, full, input.PerformedOn ?? MediationAgreement.ChinaDay(now), input.Note, by, now);
            },
            ct
        );

    public Task<MediationAgreement> RecordJudicialAsync(Guid disputeId, JudicialConfirmationInput input, CancellationToken ct = default) =>
        StepAsync(
            disputeId,
            input.Version,
            (a, d, by, now) =>
            {
                if (input.Chosen is not { } chosen)
                    throw new ValidationFailedException("chosen", "请说明当事人是否选择申请司法确认");
                a.RecordJudicial(d, chosen, input.AppliedOn, input.Court, input.Result, input.DecidedOn, by, now);
            },
            ct
        );

    /// <summary>The agreement for printing. Full ID numbers need the reveal permission and are audited
    /// like any other reveal.</summary>
    public async Task<AgreementPrint> PrintAsync(Guid disputeId, bool fullIdNumbers, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        if (fullIdNumbers)
            user.DemandReveal();
        var d = await DisputeAsync(disputeId, tracked: false, ct);
        var a = await CurrentAsync(d.Id, tracked: false, ct) ?? throw new NotFoundException("该纠纷还没有调解协议");
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == d.OrgUnitId).Select(u => u.Name).FirstAsync(ct);
        IReadOnlyList<string?> ids = a.Parties.Select(p => p.IdNumberMasked).ToList();
        if (fullIdNumbers)
        {
            ids = a.Parties.Select(p => protector.Reveal(p.IdNumber) ?? p.IdNumberMasked).ToList();
            var names = string.Join("、", a.Parties.Where(p => p.IdNumberCipher is { Length: > 0 }).Select(p => p.Name));
            db.Audit(
                AuditAction.Reveal,
                nameof(MediationAgreement),
                a.Id.ToString(),
                $"打印调解协议书 {a.Number}（含完整身份证号：{(names.Length == 0 ? "无" : names)}）"
            );
            await db.SaveChangesAsync(ct);
        }
        return new AgreementPrint(
            AgreementView.From(a, d, db.Now, options.Value.AgreementReminderDays),
            d.Number,
            d.Title,
            $"{unit}人民调解委员会",
            ids,
            fullIdNumbers
        );
    }

    // ---- helpers ----

    private async Task<MediationAgreement> StepAsync(
        Guid disputeId,
        long? version,
        Action<MediationAgreement, Dispute, string, DateTimeOffset> step,
        CancellationToken ct
    )
    {
        user.Demand(Permissions.DisputesMediate);
        var d = await DisputeAsync(disputeId, tracked: true, ct);
        var a = await CurrentAsync(d.Id, tracked: true, ct) ?? throw new NotFoundException("该纠纷还没有调解协议");
        Concurrency.Expect(db, a, version);
        var events = d.Events.Count;
        step(a, d, user.UserId ?? "system", db.Now);
        db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;
        // Timeline rows are owned by the dispute: a new one must still bump its version, as steps there do.
        if (d.Events.Count != events)
            db.Entry(d).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        return a;
    }

    private async Task<Dispute> DisputeAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var q = db.Disputes.Where((await user.RecordScopeAsync(ct)).Filter<Dispute>());
        if (!tracked)
            q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
    }

    private async Task<MediationAgreement?> CurrentAsync(Guid disputeId, bool tracked, CancellationToken ct)
    {
        var q = db.MediationAgreements.Where(a => a.DisputeId == disputeId);
        if (!tracked)
            q = q.AsNoTracking();
        return await q.OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(ct);
    }

    private async Task<AgreementTerms> TermsAsync(
        AgreementInput input,
        MediationAgreement? current,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var inputs = input.Parties ?? [];
        if (inputs.Count > MediationAgreement.MaxParties)
            throw new ValidationFailedException("parties", $"当事人不能超过 {MediationAgreement.MaxParties} 方");
        var scope = await user.GetScopeAsync(ct);
        var ids = inputs.Where(p => p?.ResidentId is not null).Select(p => p.ResidentId!.Value).Distinct().ToList();
        var residents = await db
            .Residents.AsNoTracking()
            .Where(scope.Filter<Resident>())
            .Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, ct);
        var today = MediationAgreement.ChinaDay(now);
        var checks = new Checks();
        var drafts = new List<AgreementPartyDraft>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var p = inputs[i];
            if (p is null)
            {
                drafts.Add(null!);
                continue;
            }
            Resident? r = null;
            if (p.ResidentId is { } rid && rid != Guid.Empty && !residents.TryGetValue(rid, out r))
                checks.Add($"parties[{i}].residentId", $"第 {i + 1} 位当事人对应的群众不存在或不在您的管辖范围内");
            CitizenIdResult? parsed = null;
            var idNumber = ProtectedText.Empty;
            if (p.IdNumber is { } text)
            {
                if (Checks.Clean(text) is { } clear)
                {
                    parsed = CitizenId.Parse(clear, today);
                    if (!parsed.IsValid)
                        checks.Add($"parties[{i}].idNumber", $"第 {i + 1} 位当事人的{parsed.Error ?? "身份证号无效"}");
                    else
                        idNumber = protector.Protect(parsed.Normalized, CitizenId.Mask);
                }
            }
            else if (p.Id is { } own && current?.Parties.FirstOrDefault(x => x.Id == own) is { } existing)
                idNumber = existing.IdNumber;
            else if (r is not null && r.IdNumber.HasValue)
                idNumber = r.IdNumber with { Hash = null };
            var valid = parsed is { IsValid: true } ? parsed : null;
            drafts.Add(
                new AgreementPartyDraft(
                    p.Role,
                    Checks.Clean(p.Name) ?? r?.Name,
                    p.OrganizationName,
                    p.Gender ?? r?.Gender ?? valid?.Gender,
                    p.Age ?? AgeOn(r?.BirthDate ?? valid?.BirthDate, today),
                    p.Address ?? r?.Address,
                    idNumber,
                    p.ResidentId
                )
            );
        }
        checks.ThrowIfAny();
        return new AgreementTerms(
            drafts,
            input.Facts,
            input.Responsibilities,
            input.AgreedContent,
            input.PerformanceMethod,
            input.PerformanceDeadline,
            input.Mediators
        );
    }

    private static int? AgeOn(DateOnly? birth, DateOnly today)
    {
        if (birth is not { } b)
            return null;
        var age = today.Year - b.Year;
        if (today < b.AddYears(age))
            age--;
        return age < 0 ? null : age;
    }
}
