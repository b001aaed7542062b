using Lianxin.Core.Dictionaries;

namespace Lianxin.Web.Api;

/// <summary>Dictionary codes as the names people read, for exports that show what the ledger on screen shows.</summary>
public static class DictionaryLabels
{
    /// <summary>The name of an entry of <paramref name="category"/> by its code (retired entries included); an unknown
    /// code is given as it is.</summary>
    public static async Task<Func<string?, string?>> OfAsync(DictionaryService dictionaries, string category, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in await dictionaries.ListAsync(category, includeInactive: true, ct))
            names.TryAdd(item.Code, item.Name);
        return code => code is null ? null : names.GetValueOrDefault(code, code);
    }
}
