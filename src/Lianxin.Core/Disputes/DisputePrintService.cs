using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>The paper forms of a dispute: the registration form, the record of a mediation session and the
/// record of a follow-up visit. Each reads its record through the service that shows it on screen (the same
/// permission and data scope), and each print is a line in the audit log.</summary>
public sealed class DisputePrintService(LianxinDbContext db, DisputeService disputes, MediationSessionService sessions)
{
    public async Task<DisputeRegistrationPrint> RegistrationAsync(Guid disputeId, CancellationToken ct = default)
    {
        var d = await disputes.GetAsync(disputeId, ct);
        var category = await CategoryAsync(d.Summary.CategoryCode, ct);
        var receivedBy = d.Events.FirstOrDefault(e => e.Kind == DisputeEventKind.Registered)?.ByName;
        await AuditAsync(nameof(Dispute), d.Summary.Id, $"打印纠纷登记表 {d.Summary.Number}", ct);
        return new DisputeRegistrationPrint(d, category, receivedBy);
    }

    public async Task<SessionRecordPrint> SessionRecordAsync(Guid disputeId, Guid sessionId, CancellationToken ct = default)
    {
        var s = await sessions.GetAsync(disputeId, sessionId, ct);
        var d = await disputes.GetAsync(disputeId, ct);
        await AuditAsync(
            nameof(MediationSession),
            s.Id,
            $"打印调解笔录：纠纷 {d.Summary.Number}，{ChinaTime.Day(s.At):yyyy-MM-dd} 的调解",
            ct
        );
        return new SessionRecordPrint(d.Summary.Number, d.Summary.Title, d.Summary.OrgUnitName, d.Parties, s);
    }

    public async Task<FollowUpRecordPrint> FollowUpRecordAsync(Guid disputeId, Guid followUpId, CancellationToken ct = default)
    {
        var d = await disputes.GetAsync(disputeId, ct);
        var f = d.FollowUps.FirstOrDefault(x => x.Id == followUpId) ?? throw new NotFoundException("该纠纷没有这次回访");
        await AuditAsync(
            nameof(Dispute),
            d.Summary.Id,
            $"打印回访记录：纠纷 {d.Summary.Number}，{ChinaTime.Day(f.DoneAt ?? f.DueAt):yyyy-MM-dd} 的回访",
            ct
        );
        return new FollowUpRecordPrint(d.Summary.Number, d.Summary.Title, d.Summary.OrgUnitName, d.Parties, d.Summary.EndedAt, f);
    }

    private Task<string?> CategoryAsync(string code, CancellationToken ct) =>
        db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == DisputeForceService.CategoryDictionary && i.Code == code)
            .Select(i => i.Name)
            .FirstOrDefaultAsync(ct);

    private async Task AuditAsync(string entityType, Guid entityId, string summary, CancellationToken ct)
    {
        db.Audit(AuditAction.Print, entityType, entityId.ToString(), summary);
        await db.SaveChangesAsync(ct);
    }
}
