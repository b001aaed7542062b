namespace Lianxin.Core.Common;

/// <summary>The record does not exist or lies outside the caller's scope (both are 404, so scope
/// does not leak existence).</summary>
public sealed class NotFoundException(string message = "记录不存在或无权查看") : DomainException(message);
