using System.Collections;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Lianxin.Web.Localization;

/// <summary>The text pages read: the shared file (layout, common words) and each feature's file, looked up in
/// that order. A key lives in exactly one file (a test holds this), so the order never decides a value.
/// Missing keys come back as the key itself, marked not found, as the framework's localizer does.</summary>
public sealed class FeatureTextLocalizer(IStringLocalizerFactory factory, IEnumerable<FeatureText> features)
    : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _shared = factory.Create(typeof(SharedResource));
    private readonly FeatureText[] _features = features.ToArray();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var value = Find(name);
            return value is null ? new LocalizedString(name, name, resourceNotFound: true) : new LocalizedString(name, value);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var format = Find(name);
            return format is null
                ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, name, arguments), resourceNotFound: true)
                : new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments));
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        foreach (var s in _shared.GetAllStrings(includeParentCultures))
            yield return s;
        var culture = CultureInfo.CurrentUICulture;
        foreach (var f in _features)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var c = culture; ; c = c.Parent)
            {
                var set = f.Resources.GetResourceSet(c, createIfNotExists: true, tryParents: false);
                if (set is not null)
                    foreach (DictionaryEntry e in set)
                        if (e.Key is string key && e.Value is string value && seen.Add(key))
                            yield return new LocalizedString(key, value);
                if (!includeParentCultures || c.Equals(CultureInfo.InvariantCulture))
                    break;
            }
        }
    }

    private string? Find(string name)
    {
        var s = _shared[name];
        if (!s.ResourceNotFound)
            return s.Value;
        var culture = CultureInfo.CurrentUICulture;
        foreach (var f in _features)
            if (f.Resources.GetString(name, culture) is { } value)
                return value;
        return null;
    }
}
