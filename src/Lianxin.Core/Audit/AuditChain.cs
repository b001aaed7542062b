using System.Security.Cryptography;
using System.Text;

namespace Lianxin.Core.Audit;

/// <summary>The hash chain over the audit log.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string ComputeHash(AuditEntry e)
    {
        // Fields joined with a separator that cannot occur unescaped, so no two entries share a preimage.
        var sb = new StringBuilder();
        foreach (
            var part in new[]
            {
                e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.UserId,
                e.UserName,
                e.IpAddress,
                e.Action,
                e.EntityType,
                e.EntityId,
                e.Summary,
                e.Changes,
                e.PrevHash,
            }
        )
        {
            sb.Append((part ?? "\u2400").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal))
                .Append('|');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public sealed record VerifyResult(bool Intact, long Checked, long? FirstBrokenSeq, string? Reason);

    /// <summary>Walks the chain in order. The first line present is trusted as the anchor (older
    /// lines may have been purged under the retention setting); every later line must link to it.</summary>
    public static async Task<VerifyResult> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, CancellationToken ct = default)
    {
        string? prev = null;
        long? prevSeq = null;
        long count = 0;
        await foreach (var e in entries.WithCancellation(ct))
        {
            count++;
            if (prevSeq is not null && e.Seq != prevSeq + 1)
                return new(false, count, e.Seq, $"第 {prevSeq + 1} 条至第 {e.Seq - 1} 条缺失");
            if (prev is not null && e.PrevHash != prev)
                return new(false, count, e.Seq, "与上一条的链接不符");
            if (ComputeHash(e) != e.Hash)
                return new(false, count, e.Seq, "内容与哈希不符（被改动）");
            prev = e.Hash;
            prevSeq = e.Seq;
        }
        return new(true, count, null, null);
    }
}
