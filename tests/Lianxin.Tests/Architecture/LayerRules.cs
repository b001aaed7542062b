using System.Reflection;

namespace Lianxin.Tests.Architecture;

/// <summary>Which area of the code may name which. An area is the namespace segment under the root
/// (<c>Lianxin.Core.Disputes.Figures</c> is in <c>Disputes</c>). Platform areas name no feature; <c>Common</c>
/// names no other area at all; composition areas (the demo, jobs that span features) may name anything and
/// are named by no platform area. Every other area is a feature, so a new feature folder is covered the day
/// it is added.</summary>
public sealed class LayerRules(string root, IReadOnlySet<string> platform, IReadOnlySet<string> composition, string selfContained)
{
    public static readonly LayerRules Core = new(
        "Lianxin.Core",
        new HashSet<string>(StringComparer.Ordinal)
        {
            "Common",
            "Data",
            "Access",
            "Organization",
            "Audit",
            "Dictionaries",
            "Notifications",
            "Work",
        },
        new HashSet<string>(StringComparer.Ordinal) { "Demo", "Upkeep" },
        "Common"
    );

    public string? AreaOf(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !ns.StartsWith(root + ".", StringComparison.Ordinal))
            return null;
        var rest = ns[(root.Length + 1)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }

    public bool IsFeature(string area) => !platform.Contains(area) && !composition.Contains(area);

    /// <summary>The features found in the assembly: every area that is neither platform nor composition.</summary>
    public IReadOnlyList<string> FeaturesIn(Assembly assembly) =>
        assembly.GetTypes().Select(AreaOf).OfType<string>().Where(IsFeature).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every reference that breaks a rule, as "Type -> Type" lines.</summary>
    public IReadOnlyList<string> Violations(Assembly assembly, Func<Type, MemberInfo, bool>? allowed = null)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            var from = AreaOf(type);
            if (from is null || !platform.Contains(from))
                continue;
            foreach (var target in TypeReferences.Of(type, m => allowed?.Invoke(type, m) == true))
            {
                if (target.Assembly != assembly)
                    continue;
                var to = AreaOf(target);
                if (to is null || to == from)
                    continue;
                var broken = from == selfContained || !platform.Contains(to);
                if (broken)
                    lines.Add($"{Name(type)} ({from}) -> {Name(target)} ({to})");
            }
        }
        return [.. lines];
    }

    private static string Name(Type t) => (t.DeclaringType is { } d ? Name(d) + "+" : t.Namespace + ".") + t.Name;
}
