using Microsoft.AspNetCore.Identity;

namespace Lianxin.Core.Access;

/// <summary>A role: named permissions (as role claims) plus how far its holders see.</summary>
public sealed class LianxinRole : IdentityRole
{
    public LianxinRole() { }

    public LianxinRole(string name)
        : base(name) { }

    public string DisplayName { get; set; } = "";
    public ScopeKind Scope { get; set; } = ScopeKind.OwnUnit;

    /// <summary>With <see cref="ScopeKind.ChosenUnits"/>: the units (each with its subtree).</summary>
    public List<Guid> ChosenUnitIds { get; set; } = [];

    /// <summary>Features (permission prefixes such as "disputes") whose default permissions this role has
    /// already been given, so a later version adds a new feature's defaults once and never re-adds a
    /// permission a station took away.</summary>
    public List<string> SeededFeatures { get; set; } = [];

    /// <summary>Built-in roles can be edited but not deleted.</summary>
    public bool IsBuiltIn { get; set; }
}
