using System.Security.Cryptography;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>Photos and documents of a dispute, within the caller's scope. Uploads are checked by name,
/// first bytes and size before anything is stored; every download is written to the audit log (the
/// files show people and their papers).</summary>
public sealed class DisputeAttachmentService(LianxinDbContext db, ICurrentUser user)
{
    public async Task<IReadOnlyList<AttachmentView>> ListAsync(Guid disputeId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        await DisputeAsync(disputeId, ct);
        var mine = await MineOnlyAsync(ct);
        var rows = await db
            .DisputeAttachments.AsNoTracking()
            .Where(a => a.DisputeId == disputeId && (mine == null || a.CreatedById == mine))
            .OrderBy(a => a.CreatedAt)
            .ToListAsync(ct);
        var people = rows.Select(r => r.CreatedById).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.Select(a => View(a, names)).ToList();
    }

    /// <summary>Stores one file. Reads at most one byte past the limit, so an oversized upload is refused
    /// without being held in memory.</summary>
    public async Task<AttachmentView> AddAsync(Guid disputeId, string? fileName, Stream content, CancellationToken ct = default)
    {
        if (!user.Has(Permissions.DisputesRegister) && !user.Has(Permissions.DisputesMediate))
            throw new ForbiddenException("您没有为纠纷上传材料的权限");
        var dispute = await DisputeAsync(disputeId, ct);
        var name = AttachmentType.CleanName(fileName);
        if (name.Length == 0 || Path.GetFileNameWithoutExtension(name).Length == 0)
            throw new ValidationFailedException("file", "请选择要上传的文件");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > AttachmentType.MaxBytes)
                throw new ValidationFailedException("file", $"文件不能超过 {AttachmentType.MaxBytes / 1024 / 1024} MB");
        }
        if (buffer.Length == 0)
            throw new ValidationFailedException("file", "文件是空的");
        var data = buffer.ToArray();
        var type = AttachmentType.Detect(name, data.AsSpan(0, Math.Min(data.Length, 16)))
            ?? throw new ValidationFailedException("file", $"只能上传{AttachmentType.AllowedList}，且文件内容须与扩展名一致");
        var count = await db.DisputeAttachments.CountAsync(a => a.DisputeId == disputeId && a.WithdrawnAt == null, ct);
        if (count >= AttachmentType.MaxPerDispute)
            throw new ValidationFailedException("file", $"每件纠纷最多保留 {AttachmentType.MaxPerDispute} 个附件，请先撤回不需要的");
        var hash = Convert.ToHexStringLower(SHA256.HashData(data));
        if (await db.DisputeAttachments.AnyAsync(a => a.DisputeId == disputeId && a.Sha256 == hash && a.WithdrawnAt == null, ct))
            throw new ConflictException("同一个文件已经上传过");
        var attachment = DisputeAttachment.Create(dispute.Id, name, type, data.Length, hash, user.UserId ?? "system");
        db.DisputeAttachments.Add(attachment);
        db.DisputeAttachmentContents.Add(new DisputeAttachmentContent { Id = attachment.Id, Data = data });
        await db.SaveChangesAsync(ct);
        return View(attachment, new Dictionary<string, string>());
    }

    /// <summary>The file itself; the download is audited.</summary>
    public async Task<AttachmentFile> OpenAsync(Guid disputeId, Guid attachmentId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var dispute = await DisputeAsync(disputeId, ct);
        var mine = await MineOnlyAsync(ct);
        var a = await db
            .DisputeAttachments.AsNoTracking()
            .FirstOrDefaultAsync(x => x.Id == attachmentId && x.DisputeId == disputeId && (mine == null || x.CreatedById == mine), ct)
            ?? throw new NotFoundException("附件不存在");
        var data = await db.DisputeAttachmentContents.AsNoTracking().Where(c => c.Id == a.Id).Select(c => c.Data).FirstAsync(ct);
        db.Audit(AuditAction.Export, nameof(DisputeAttachment), a.Id.ToString(), $"下载纠纷 {dispute.Number} 的附件 {a.FileName}");
        await db.SaveChangesAsync(ct);
        return new AttachmentFile(View(a, new Dictionary<string, string>()), data);
    }

    /// <summary>Takes a wrong or superseded file out of use; it stays on record with who and why.</summary>
    public async Task<AttachmentView> WithdrawAsync(Guid disputeId, Guid attachmentId, string? reason, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        await DisputeAsync(disputeId, ct);
        new Checks().Required("reason", reason, "撤回原因", TextLimits.Title).ThrowIfAny();
        var a = await db.DisputeAttachments.FirstOrDefaultAsync(x => x.Id == attachmentId && x.DisputeId == disputeId, ct)
            ?? throw new NotFoundException("附件不存在");
        a.Withdraw(user.UserId ?? "system", db.Now, reason!.Trim());
        await db.SaveChangesAsync(ct);
        return View(a, new Dictionary<string, string>());
    }

    /// <summary>Someone who only follows their own reports sees only the files they added (their photos), not the
    /// station's mediation papers: their own id then, else null.</summary>
    private async Task<string?> MineOnlyAsync(CancellationToken ct) =>
        user.FollowsOwnReportsOnly(await user.GetScopeAsync(ct)) ? user.UserId ?? "" : null;

    private async Task<Dispute> DisputeAsync(Guid id, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        return await db.Disputes.AsNoTracking().Where(scope.Filter<Dispute>()).FirstOrDefaultAsync(d => d.Id == id, ct)
            ?? throw new NotFoundException("纠纷不存在或不在您的管辖范围内");
    }

    private static AttachmentView View(DisputeAttachment a, IReadOnlyDictionary<string, string> names) =>
        new(
            a.Id,
            a.FileName,
            a.ContentType,
            a.Kind,
            a.Length,
            a.Sha256,
            a.CreatedAt,
            a.CreatedById,
            a.CreatedById is null ? null : names.GetValueOrDefault(a.CreatedById),
            a.WithdrawnAt,
            a.WithdrawnReason
        );
}
