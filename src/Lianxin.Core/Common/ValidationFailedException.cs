namespace Lianxin.Core.Common;

/// <summary>Input that breaks a rule: 422 with per-field errors.</summary>
public sealed class ValidationFailedException : DomainException
{
    public ValidationFailedException(string field, string message)
        : base(message) => Errors = new Dictionary<string, string[]> { [field] = [message] };

    public ValidationFailedException(IDictionary<string, string[]> errors)
        : base(errors.Values.SelectMany(e => e).FirstOrDefault() ?? "输入有误") => Errors = new Dictionary<string, string[]>(errors);

    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
