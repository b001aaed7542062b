namespace Lianxin.Core.Common;

/// <summary>Collects every field error of one request so the person sees them all at once.</summary>
public sealed class Checks
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public Checks Required(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(field, $"{label}不能为空");
        else if (value.Trim().Length > maxLength)
            Add(field, $"{label}不能超过 {maxLength} 个字");
        return this;
    }

    public Checks Optional(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength)
            Add(field, $"{label}不能超过 {maxLength} 个字");
        return this;
    }

    public Checks Range(string field, int value, int min, int max, string label)
    {
        if (value < min || value > max)
            Add(field, $"{label}须在 {min} 到 {max} 之间");
        return this;
    }

    public Checks Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
            _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public bool Ok => _errors.Count == 0;

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>The optional reason given for seeing personal data in full, cleaned and bounded.</summary>
    public static string? RevealReason(string? reason)
    {
        var why = Clean(reason);
        if (why is { Length: > 200 })
            throw new ValidationFailedException("reason", "查看事由不能超过 200 个字");
        return why;
    }

    /// <summary>A list's search words, cleaned (null when blank); longer than <paramref name="maxLength"/> is refused
    /// as field "q", so every list answers an over-long search the same way.</summary>
    public static string? SearchTerm(string? value, int maxLength = TextLimits.Name)
    {
        var text = Clean(value);
        if (text is not null && text.Length > maxLength)
            throw new ValidationFailedException("q", "搜索词过长");
        return text;
    }

    /// <summary>Trims and turns blank into null, for optional text.</summary>
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
