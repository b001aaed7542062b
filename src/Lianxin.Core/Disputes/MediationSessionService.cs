using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>Mediation sessions of a dispute: planned, recorded, cancelled; and the forces worth inviting.
/// Every call checks the dispute lies in the caller's scope, and every mediator picked from the
/// registry lies in it too.</summary>
public sealed class MediationSessionService(LianxinDbContext db, ICurrentUser user)
{
    public const int MembersPerForce = 10;

    public async Task<PagedResult<SessionView>> ListAsync(Guid disputeId, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        await DisputeAsync(disputeId, ct);
        var q = db.MediationSessions.AsNoTracking().Where(s => s.DisputeId == disputeId);
        return (await q.OrderByDescending(s => s.At).ThenByDescending(s => s.Id).ToPageAsync(page, ct)).Select(SessionView.From);
    }

    public async Task<SessionView> GetAsync(Guid disputeId, Guid sessionId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        await DisputeAsync(disputeId, ct);
        var s = await db.MediationSessions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == sessionId && x.DisputeId == disputeId, ct)
            ?? throw new NotFoundException("该纠纷没有这次调解");
        return SessionView.From(s);
    }

    /// <summary>Plans the session, or records it as held straight away when an outcome is given.</summary>
    public async Task<MediationSession> CreateAsync(Guid disputeId, SessionInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var dispute = await DisputeAsync(disputeId, ct);
        var form = await FormAsync(dispute, input, ct);
        var by = user.UserId ?? "system";
        var session = input.Outcome is null
            ? MediationSession.Plan(dispute, form, by, db.Now)
            : MediationSession.Record(dispute, form, by, db.Now);
        db.MediationSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Records a planned session as held (with an outcome), corrects a held record, or changes a
    /// plan (without an outcome). The version the client read must match.</summary>
    public async Task<MediationSession> UpdateAsync(Guid disputeId, Guid sessionId, SessionInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var dispute = await DisputeAsync(disputeId, ct);
        var session = await TrackedAsync(disputeId, sessionId, ct);
        Concurrency.Expect(db, session, input.Version);
        var form = await FormAsync(dispute, input, ct);
        session.Update(dispute, form, user.UserId ?? "system", db.Now);
        Touch(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    public async Task<MediationSession> CancelAsync(
        Guid disputeId,
        Guid sessionId,
        SessionCancelInput input,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.DisputesMediate);
        await DisputeAsync(disputeId, ct);
        var session = await TrackedAsync(disputeId, sessionId, ct);
        Concurrency.Expect(db, session, input.Version);
        session.Cancel(input.Reason, user.UserId ?? "system", db.Now);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>The forces to invite for the dispute's category, each with the members who fit it — those in the
    /// caller's scope and those registered at the units above it, who serve it too — nearest the dispute's place
    /// first.</summary>
    public async Task<SuggestedForcesView> SuggestAsync(Guid disputeId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var dispute = await DisputeAsync(disputeId, ct);
        var forces = await DisputeForceService.ForCategoryAsync(db, dispute.CategoryCode, ct);
        var scope = await user.GetServedScopeAsync(db, ct);
        var result = new List<ForceSuggestion>();
        foreach (var f in forces)
        {
            IReadOnlyList<MemberOption> members = [];
            if (f.Kind is { } kind)
            {
                var q = db.Members.AsNoTracking().Where(scope.Filter<Member>()).Where(m => m.IsActive && m.Kind == kind);
                if (f.Keyword is { } word)
                    q = q.Where(m => (m.Organization != null && m.Organization.Contains(word)) || m.Name.Contains(word));
                members = await NearestAsync(q, dispute, ct);
            }
            result.Add(new ForceSuggestion(f.Name, f.Kind, f.Keyword, members));
        }
        return new SuggestedForcesView(dispute.Id, dispute.CategoryCode, result);
    }

    /// <summary>Members to pick as mediators (in the caller's scope or registered above it), by name or
    /// organisation and kind.</summary>
    public async Task<IReadOnlyList<MemberOption>> CandidatesAsync(
        Guid disputeId,
        string? q,
        MemberKind? kind,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.DisputesMediate);
        var dispute = await DisputeAsync(disputeId, ct);
        var scope = await user.GetServedScopeAsync(db, ct);
        var query = db.Members.AsNoTracking().Where(scope.Filter<Member>()).Where(m => m.IsActive);
        if (Checks.SearchTerm(q) is { } text)
        {
            query = query.Where(m => m.Name.Contains(text) || (m.Organization != null && m.Organization.Contains(text)));
        }
        if (kind is { } k)
            query = query.Where(m => m.Kind == k);
        return await NearestAsync(query, dispute, ct, 20);
    }

    private async Task<IReadOnlyList<MemberOption>> NearestAsync(
        IQueryable<Member> q,
        Dispute dispute,
        CancellationToken ct,
        int take = MembersPerForce
    )
    {
        var path = dispute.OrgUnit?.Path ?? "";
        var rows = await q.OrderBy(m => m.Name)
            .ThenBy(m => m.Id)
            .Take(100)
            .Select(m => new { Option = new MemberOption(m.Id, m.Name, m.Kind, m.Organization, m.OrgUnit!.Name), Path = m.OrgUnit!.Path })
            .ToListAsync(ct);
        // Those serving the dispute's own place, above it or below it, come before the rest of the scope.
        return rows.OrderBy(r =>
                path.StartsWith(r.Path, StringComparison.Ordinal) || r.Path.StartsWith(path, StringComparison.Ordinal) ? 0 : 1
            )
            .Take(take)
            .Select(r => r.Option)
            .ToList();
    }

    private async Task<SessionForm> FormAsync(Dispute dispute, SessionInput input, CancellationToken ct)
    {
        var mediatorInputs = input.Mediators ?? [];
        var attendeeInputs = input.Attendees ?? [];
        var checks = new Checks();
        if (mediatorInputs.Count > MediationSession.MaxMediators)
            checks.Add("mediators", $"调解人员不能超过 {MediationSession.MaxMediators} 位");
        if (attendeeInputs.Count > MediationSession.MaxAttendees)
            checks.Add("attendees", $"参加人员不能超过 {MediationSession.MaxAttendees} 位");
        if (mediatorInputs.Any(m => m is null))
            checks.Add("mediators", "调解人员信息不完整");
        if (attendeeInputs.Any(a => a is null))
            checks.Add("attendees", "参加人员信息不完整");
        if (input.Level is { } level && !level.IsDefined())
            checks.Add("level", "调解层级无效");
        if (input.Outcome is { } outcome && !Enum.IsDefined(outcome))
            checks.Add("outcome", "调解结果无效");
        checks.ThrowIfAny();

        var ids = mediatorInputs.Where(m => m.MemberId is not null).Select(m => m.MemberId!.Value).Distinct().ToList();
        var scope = await user.GetServedScopeAsync(db, ct);
        var members =
            ids.Count == 0
                ? []
                : await db
                    .Members.AsNoTracking()
                    .Where(scope.Filter<Member>())
                    .Where(m => ids.Contains(m.Id))
                    .ToDictionaryAsync(m => m.Id, ct);
        var mediators = new List<SessionMediator>();
        foreach (var m in mediatorInputs)
        {
            if (m.MemberId is not { } id)
                mediators.Add(SessionMediator.Outside(m.Name, m.Organization));
            else if (!members.TryGetValue(id, out var member))
                throw new ValidationFailedException("mediators", "所选调解人员不存在或不在您的管辖范围内");
            else if (!member.IsActive)
                throw new ValidationFailedException("mediators", $"调解人员 {member.Name} 已停用");
            else
                mediators.Add(SessionMediator.FromMember(member));
        }
        var attendees = attendeeInputs
            .Select(a =>
            {
                var name = Checks.Clean(a.Name)
                    ?? (a.PartyId is { } pid ? dispute.Parties.FirstOrDefault(p => p.Id == pid)?.DisplayName : null);
                return SessionAttendee.Create(name, a.PartyId, a.Note);
            })
            .ToList();
        return new SessionForm
        {
            Level = input.Level,
            At = input.At,
            Place = input.Place,
            VideoLink = input.VideoLink,
            Mediators = mediators,
            Attendees = attendees,
            Summary = input.Summary,
            Outcome = input.Outcome,
        };
    }

    private async Task<Dispute> DisputeAsync(Guid id, CancellationToken ct)
    {
        // Mediation records are not for someone who only follows their own reports.
        var scope = await user.RecordScopeAsync(ct);
        return await db
            .Disputes.AsNoTracking()
            .Include(d => d.OrgUnit)
            .Where(scope.Filter<Dispute>())
            .FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException();
    }

    private async Task<MediationSession> TrackedAsync(Guid disputeId, Guid sessionId, CancellationToken ct) =>
        await db.MediationSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.DisputeId == disputeId, ct)
        ?? throw new NotFoundException("该纠纷没有这次调解");

    /// <summary>Owned rows (mediators, attendees) changing must still bump the session's version.</summary>
    private void Touch(MediationSession s) => db.Entry(s).Property(x => x.UpdatedAt).IsModified = true;
}
