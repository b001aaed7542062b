using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>One side of a dispute: a registered resident, an organisation, a person known only by
/// name (程某), or someone not yet identified at all — a 110 call often names nobody.</summary>
public sealed class DisputeParty
{
    public const string UnidentifiedName = "身份不明";

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid? ResidentId { get; private set; }
    public string? OrganizationName { get; private set; }

    /// <summary>The person's name, or for an organisation its representative.</summary>
    public string? Name { get; private set; }
    public PartyRole Role { get; private set; }
    public bool IsVulnerable { get; private set; }
    public string? Note { get; private set; }

    private DisputeParty() { }

    public static DisputeParty Create(
        PartyRole role,
        string? name = null,
        Guid? residentId = null,
        string? organizationName = null,
        bool isVulnerable = false,
        string? note = null
    )
    {
        var checks = new Checks()
            .Optional("name", name, "当事人姓名", TextLimits.Name)
            .Optional("organizationName", organizationName, "单位名称", TextLimits.Title)
            .Optional("note", note, "备注", TextLimits.Text);
        if (!Enum.IsDefined(role))
            checks.Add("role", "当事人角色无效");
        if (residentId == Guid.Empty)
            checks.Add("residentId", "居民编号无效");
        checks.ThrowIfAny();
        return new DisputeParty
        {
            Role = role,
            Name = Checks.Clean(name),
            ResidentId = residentId,
            OrganizationName = Checks.Clean(organizationName),
            IsVulnerable = isVulnerable,
            Note = Checks.Clean(note),
        };
    }

    public bool IsOrganization => OrganizationName is not null;

    /// <summary>Neither a resident record, an organisation nor a name: to be identified later.</summary>
    public bool IsUnidentified => ResidentId is null && OrganizationName is null && Name is null;

    public string DisplayName => OrganizationName is { } org ? (Name is null ? org : $"{org}（{Name}）") : Name ?? UnidentifiedName;
}
