using Lianxin.Core.Audit;

namespace Lianxin.Core.Data;

/// <summary>The last number handed out in one series of record numbers (a year's dispute ledger, "JF-2026-"):
/// the counter <see cref="RecordNumbers"/> moves on in one statement, so two registrations never get one number.</summary>
[NotAudited]
public sealed class NumberSequence
{
    public string Name { get; set; } = "";
    public long Last { get; set; }
}
