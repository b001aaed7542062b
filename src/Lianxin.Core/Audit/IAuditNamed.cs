namespace Lianxin.Core.Audit;

/// <summary>A record that names itself in audit lines (what a reader of the log recognises it by).</summary>
public interface IAuditNamed
{
    string AuditName { get; }
}
