using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>Psychological counselling (心理疏导) joined to mediation. Anyone who reads disputes sees that
/// counselling took place; only those who mediate read what was said.</summary>
public sealed class CounsellingService(LianxinDbContext db, ICurrentUser user, PersonalDataProtector protector)
{
    public async Task<PagedResult<CounsellingView>> ListAsync(CounsellingFilter f, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var q = await ScopedAsync(ct);
        if (f.DisputeId is { } d)
            q = q.Where(c => c.DisputeId == d);
        if (f.ResidentId is { } r)
            q = q.Where(c => c.ResidentId == r);
        return (await q.OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToPageAsync(page, Project, ct)).Select(Reveal);
    }

    public async Task<CounsellingView> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var row = await Project((await ScopedAsync(ct)).Where(c => c.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        return Reveal(row);
    }

    public async Task<CounsellingSession> CreateAsync(CounsellingInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var scope = await user.GetScopeAsync(ct);
        Guid? unit = null;
        if (input.DisputeId is { } disputeId)
        {
            unit = await db
                .Disputes.AsNoTracking()
                .Where(scope.Filter<Dispute>())
                .Where(d => d.Id == disputeId)
                .Select(d => (Guid?)d.OrgUnitId)
                .FirstOrDefaultAsync(ct)
                ?? throw new ValidationFailedException("disputeId", "纠纷不存在或不在您的管辖范围内");
        }
        if (input.ResidentId is { } residentId)
        {
            var home = await db
                .Residents.AsNoTracking()
                .Where(scope.Filter<Resident>())
                .Where(r => r.Id == residentId)
                .Select(r => (Guid?)r.OrgUnitId)
                .FirstOrDefaultAsync(ct)
                ?? throw new ValidationFailedException("residentId", "群众不存在或不在您的管辖范围内");
            unit ??= home;
        }
        var form = await FormAsync(input, ct);
        CounsellingSession.Validate(form, db.Now);
        var session = CounsellingSession.Create(
            form,
            unit ?? Guid.Empty,
            protector.Encrypt(form.Summary!.Trim()),
            user.UserId ?? "system",
            db.Now
        );
        db.CounsellingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    public async Task<CounsellingSession> UpdateAsync(Guid id, CounsellingInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var session = await (await ScopedTrackedAsync(ct)).FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, session, input.Version);
        var form = await FormAsync(input, ct);
        CounsellingSession.Validate(form with { DisputeId = session.DisputeId, ResidentId = session.ResidentId }, db.Now);
        session.Update(form, protector.Encrypt(form.Summary!.Trim()), db.Now);
        await db.SaveChangesAsync(ct);
        return session;
    }

    private async Task<CounsellingForm> FormAsync(CounsellingInput input, CancellationToken ct)
    {
        string? name = input.CounsellorName,
            organization = input.CounsellorOrganization;
        if (input.CounsellorMemberId is { } memberId)
        {
            // Partners registered at the station serve its communities too (ServedScope).
            var scope = await user.GetServedScopeAsync(db, ct);
            var m = await db.Members.AsNoTracking().Where(scope.Filter<Member>()).FirstOrDefaultAsync(x => x.Id == memberId, ct)
                ?? throw new ValidationFailedException("counsellorMemberId", "所选疏导人员不存在或不在您的管辖范围内");
            name = m.Name;
            organization ??= m.Organization;
        }
        return new CounsellingForm
        {
            DisputeId = input.DisputeId,
            ResidentId = input.ResidentId,
            CounsellorMemberId = input.CounsellorMemberId,
            CounsellorName = name,
            CounsellorOrganization = organization,
            At = input.At,
            Method = input.Method,
            Summary = input.Summary,
            NeedsMore = input.NeedsMore ?? false,
            NextAt = input.NextAt,
        };
    }

    private CounsellingView Reveal(Row r)
    {
        var canRead = user.Has(Permissions.DisputesMediate);
        return new CounsellingView(
            r.Id,
            r.DisputeId,
            r.DisputeNumber,
            r.DisputeTitle,
            r.ResidentId,
            r.ResidentName,
            r.CounsellorMemberId,
            r.CounsellorName,
            r.CounsellorOrganization,
            r.At,
            r.Method,
            canRead && r.SummaryCipher.Length > 0 ? protector.Decrypt(r.SummaryCipher) : null,
            !canRead,
            r.NeedsMore,
            r.NextAt,
            r.Version
        );
    }

    private sealed record Row(
        Guid Id,
        Guid? DisputeId,
        string? DisputeNumber,
        string? DisputeTitle,
        Guid? ResidentId,
        string? ResidentName,
        Guid? CounsellorMemberId,
        string CounsellorName,
        string? CounsellorOrganization,
        DateTimeOffset At,
        CounsellingMethod Method,
        byte[] SummaryCipher,
        bool NeedsMore,
        DateTimeOffset? NextAt,
        long Version
    );

    private IQueryable<Row> Project(IQueryable<CounsellingSession> q) =>
        q.Select(c => new Row(
            c.Id,
            c.DisputeId,
            db.Disputes.Where(d => d.Id == c.DisputeId).Select(d => d.Number).FirstOrDefault(),
            db.Disputes.Where(d => d.Id == c.DisputeId).Select(d => d.Title).FirstOrDefault(),
            c.ResidentId,
            db.Residents.Where(r => r.Id == c.ResidentId).Select(r => r.Name).FirstOrDefault(),
            c.CounsellorMemberId,
            c.CounsellorName,
            c.CounsellorOrganization,
            c.At,
            c.Method,
            c.SummaryCipher,
            c.NeedsMore,
            c.NextAt,
            c.Version
        ));

    private async Task<IQueryable<CounsellingSession>> ScopedAsync(CancellationToken ct) => (await ScopedTrackedAsync(ct)).AsNoTracking();

    private async Task<IQueryable<CounsellingSession>> ScopedTrackedAsync(CancellationToken ct) =>
        db.CounsellingSessions.Where((await user.GetScopeAsync(ct)).Filter<CounsellingSession>());
}
