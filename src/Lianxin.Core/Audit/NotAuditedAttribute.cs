namespace Lianxin.Core.Audit;

/// <summary>Marks an entity whose rows get no audit line of their own (stored bytes, likes): what they
/// belong to is audited instead.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NotAuditedAttribute : Attribute;
