namespace Lianxin.Core.Common;

/// <summary>A request the domain refuses. Endpoints turn each kind into a problem-details response
/// with the message as written here (Chinese, for the person who sent it).</summary>
public class DomainException(string message) : Exception(message);

/// <summary>Input that breaks a rule: 422 with per-field errors.</summary>
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(string field, string message) : base(message)
        => Errors = new Dictionary<string, string[]> { [field] = [message] };

    public ValidationFailedException(IDictionary<string, string[]> errors)
        : base(errors.Values.SelectMany(e => e).FirstOrDefault() ?? "输入有误")
        => Errors = new Dictionary<string, string[]>(errors);

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}

/// <summary>The record does not exist or lies outside the caller's scope (both are 404, so scope
/// does not leak existence).</summary>
public sealed class NotFoundException(string message = "记录不存在或无权查看") : DomainException(message);

/// <summary>The caller lacks the permission or the target lies outside their scope: 403.</summary>
public sealed class ForbiddenException(string message = "没有执行此操作的权限") : DomainException(message);

/// <summary>A stale version or a clash with existing data: 409.</summary>
public sealed class ConflictException(string message) : DomainException(message);
