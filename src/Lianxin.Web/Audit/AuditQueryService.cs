using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Audit;

/// <summary>The auditor's view of the log. Reading it is not itself logged line by line, but exporting it is.</summary>
public sealed class AuditQueryService(LianxinDbContext db, ICurrentUser me)
{
    public async Task<PagedResult<AuditLine>> ListAsync(AuditFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = Query(f);
        return (await q.OrderByDescending(a => a.Seq).ToPageAsync(page, ct)).Select(ToLine);
    }

    public async Task<IReadOnlyList<AuditLine>> ExportAsync(AuditFilter f, int max, CancellationToken ct = default)
    {
        if (!me.Has(Permissions.AuditExport))
            throw new ForbiddenException();
        var rows = await Query(f).OrderByDescending(a => a.Seq).Take(max).ToListAsync(ct);
        db.Audit(AuditAction.Export, nameof(AuditEntry), null, $"导出审计日志 {rows.Count} 条");
        await db.SaveChangesAsync(ct);
        return rows.Select(ToLine).ToList();
    }

    public async Task<AuditChain.VerifyResult> VerifyAsync(CancellationToken ct = default)
    {
        if (!me.Has(Permissions.AuditRead))
            throw new ForbiddenException();
        return await AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable(), ct);
    }

    private IQueryable<AuditEntry> Query(AuditFilter f)
    {
        if (!me.Has(Permissions.AuditRead))
            throw new ForbiddenException();
        var q = db.AuditEntries.AsNoTracking();
        if (Checks.Clean(f.User) is { } u)
            q = q.Where(a => a.UserName.Contains(u) || a.UserId == u);
        if (Checks.Clean(f.Action) is { } act)
            q = q.Where(a => a.Action == act);
        if (Checks.Clean(f.EntityType) is { } et)
            q = q.Where(a => a.EntityType == et);
        if (Checks.Clean(f.EntityId) is { } eid)
            q = q.Where(a => a.EntityId == eid);
        if (f.From is { } from)
            q = q.Where(a => a.At >= from.ToUniversalTime());
        if (f.To is { } to)
            q = q.Where(a => a.At < to.ToUniversalTime());
        return q;
    }

    private static AuditLine ToLine(AuditEntry a) =>
        new(
            a.Seq,
            a.At,
            a.UserId,
            a.UserName,
            a.IpAddress,
            a.Action,
            AuditAction.Label(a.Action),
            a.EntityType,
            a.EntityId,
            a.Summary,
            a.Changes
        );
}
