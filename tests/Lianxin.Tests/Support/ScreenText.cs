using System.Collections;
using System.Globalization;
using System.Resources;
using Lianxin.Web;
using Lianxin.Web.Localization;

namespace Lianxin.Tests.Support;

/// <summary>Every resource file of the console's text: the shared one and each feature's (a type in the
/// web assembly with a resource file of its own name beside it).</summary>
public static class ScreenText
{
    public static readonly ResourceManager Shared = new("Lianxin.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    /// <summary>The feature markers: each public type of the web assembly whose full name names an embedded resource file.</summary>
    public static IReadOnlyList<Type> FeatureMarkers { get; } =
    [
        .. typeof(SharedResource)
            .Assembly.GetExportedTypes()
            .Where(t => typeof(SharedResource).Assembly.GetManifestResourceNames().Contains(t.FullName + ".resources"))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>The files by name ("Shared", "DisputesText", …).</summary>
    public static IReadOnlyDictionary<string, ResourceManager> Files { get; } =
        new[] { ("Shared", Shared) }
            .Concat(FeatureMarkers.Select(t => (t.Name, new FeatureText(t).Resources)))
            .ToDictionary(x => x.Item1, x => x.Item2);

    /// <summary>One file's strings in one culture's own file, without falling back to the Chinese default.</summary>
    public static Dictionary<string, string> Load(ResourceManager file, CultureInfo culture)
    {
        var set = file.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}' in {file.BaseName}.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    /// <summary>Every key in every file, in one culture.</summary>
    public static IEnumerable<(string File, string Key, string Value)> All(CultureInfo culture) =>
        Files.SelectMany(f => Load(f.Value, culture).Select(e => (f.Key, e.Key, e.Value)));
}
