namespace Lianxin.Core.Common;

/// <summary>The caller lacks the permission or the target lies outside their scope: 403.</summary>
public sealed class ForbiddenException(string message = "没有执行此操作的权限") : DomainException(message);
