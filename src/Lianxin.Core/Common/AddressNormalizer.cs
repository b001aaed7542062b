namespace Lianxin.Core.Common;

public sealed class AddressNormalizer(IEnumerable<string>? prefixes = null)
{
    private readonly string[] _prefixes = prefixes?.ToArray() ?? [];
    public static AddressNormalizer Default { get; } = new();
    public string Normalize(string? address) => string.Concat((address ?? "").Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c)));
}
