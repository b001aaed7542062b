namespace Lianxin.Core.Common;

/// <summary>A stale version or a clash with existing data: 409.</summary>
public sealed class ConflictException(string message) : DomainException(message);
