using System.Reflection;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Architecture;

public class ArchitectureTests
{
    private static readonly Assembly Core = typeof(LianxinDbContext).Assembly;

    [Fact]
    public void Platform_areas_name_no_feature_and_Common_names_no_other_area()
    {
        var violations = LayerRules.Core.Violations(Core, ModelTables);
        Assert.True(violations.Count == 0, "References against the layer rules:\n" + string.Join("\n", violations));
    }

    /// <summary>The one place the platform lists features' types: the DbContext's tables (its DbSet properties),
    /// which are the model, not rules.</summary>
    private static bool ModelTables(Type type, MemberInfo member) =>
        type == typeof(LianxinDbContext)
        && member switch
        {
            PropertyInfo p => IsTable(p.PropertyType),
            MethodInfo { IsSpecialName: true } m => m.Name.StartsWith("get_", StringComparison.Ordinal) && IsTable(m.ReturnType),
            _ => false,
        };

    private static bool IsTable(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(DbSet<>);

    [Fact]
    public void Features_are_found_from_the_namespaces_so_new_ones_are_covered()
    {
        var features = LayerRules.Core.FeaturesIn(Core);
        Assert.Contains("Disputes", features);
        Assert.Contains("Incidents", features);
        Assert.Contains("Volunteers", features);
        Assert.DoesNotContain("Common", features);
        Assert.DoesNotContain("Demo", features);
    }

    [Fact]
    public void Core_references_no_ASP_NET_Core_web_assembly()
    {
        // The Identity and data-protection key stores are EF Core models the database holds; nothing of the web stack.
        var web = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n =>
                n.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                && !n.EndsWith(".EntityFrameworkCore", StringComparison.Ordinal)
            )
            .ToList();
        Assert.True(web.Count == 0, "Core references: " + string.Join(", ", web));
    }

    [Fact]
    public void The_rules_fail_when_a_platform_area_names_a_feature_or_Common_names_another_area()
    {
        var rules = new LayerRules(
            "Lianxin.Tests.Architecture.Sample",
            new HashSet<string>(StringComparer.Ordinal) { "Common", "Data" },
            new HashSet<string>(StringComparer.Ordinal),
            "Common"
        );

        var violations = rules.Violations(typeof(ArchitectureTests).Assembly);

        Assert.Equal("Widgets", Assert.Single(rules.FeaturesIn(typeof(ArchitectureTests).Assembly)));
        const string Sample = "Lianxin.Tests.Architecture.Sample.";
        Assert.Contains($"{Sample}Data.Store (Data) -> {Sample}Widgets.Widget (Widgets)", violations);
        Assert.Contains($"{Sample}Common.Helper (Common) -> {Sample}Data.Store (Data)", violations);
        Assert.DoesNotContain(violations, v => v.StartsWith("Lianxin.Tests.Architecture.Sample.Data.Clean ", StringComparison.Ordinal));
    }
}
