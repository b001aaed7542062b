using Lianxin.Core.Common;

namespace Lianxin.Core.Dictionaries;

/// <summary>An entry of an editable category list (dispute categories, incident categories, key-person
/// kinds, service items, skills, …). Records refer to entries by code, so a code never changes once used;
/// an entry that is no longer wanted is deactivated.</summary>
public sealed class DictionaryItem : Entity
{
    public string Category { get; set; } = "";
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ParentCode { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>Null for an entry every station uses (kept by the county's administrators); else the unit whose
    /// own entry this is, seen by the people of that unit and those above it.</summary>
    public Guid? OrgUnitId { get; set; }
}
