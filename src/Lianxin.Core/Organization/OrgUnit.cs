using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>A place in the jurisdiction tree. <see cref="Path"/> is the chain of ids from the root
/// ("/id/id/") so "this unit and below" is one prefix match, the basis of data scope.</summary>
public sealed class OrgUnit : Entity
{
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public Guid? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }
    public string Path { get; private set; } = "";
    public int Depth { get; private set; }
    public int Population { get; set; }
    public int Households { get; set; }
    public string? BoundaryGeoJson { get; private set; }
    public double? CenterLat { get; private set; }
    public double? CenterLng { get; private set; }
    public bool IsRetired { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    private OrgUnit() { }

    /// <summary>The ids on a unit's path: its ancestors from the root down, then the unit itself.</summary>
    public static List<Guid> ChainOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList();

    public static OrgUnit Create(string code, string name, OrgUnitKind kind, OrgUnit? parent, Guid? id = null)
    {
        if (parent is null && kind != OrgUnitKind.Bureau && kind != OrgUnitKind.Station)
            throw new ValidationFailedException("parentId", "只有公安局或派出所可以作为最上级单位");
        if (parent is not null)
        {
            if (parent.IsRetired)
                throw new ValidationFailedException("parentId", "上级单位已撤销，不能在其下新增单位");
            if (!parent.Kind.CanContain(kind))
                throw new ValidationFailedException("kind", $"{parent.Kind.Label()}下不能设立{kind.Label()}");
        }
        var unit = new OrgUnit
        {
            Code = code.Trim(),
            Name = name.Trim(),
            Kind = kind,
        };
        if (id is { } given)
            unit.Id = given;
        unit.AttachTo(parent);
        return unit;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ValidationFailedException("name", "名称不能为空");
        Name = name.Trim();
    }

    public void SetCode(string code) => Code = code.Trim();

    /// <summary>Moves the unit under a new parent. The caller must re-path the subtree
    /// (<see cref="RebaseFrom"/>) for every descendant.</summary>
    public void MoveTo(OrgUnit newParent)
    {
        if (newParent.Id == Id || newParent.Path.StartsWith(Path, StringComparison.Ordinal))
            throw new ValidationFailedException("parentId", "不能把单位移到它自己或它的下级之下");
        if (newParent.IsRetired)
            throw new ValidationFailedException("parentId", "目标上级单位已撤销");
        if (!newParent.Kind.CanContain(Kind))
            throw new ValidationFailedException("parentId", $"{newParent.Kind.Label()}下不能设立{Kind.Label()}");
        AttachTo(newParent);
    }

    /// <summary>Rewrites a descendant's path after an ancestor moved from <paramref name="oldPrefix"/>.</summary>
    public void RebaseFrom(string oldPrefix, string newPrefix, int depthDelta)
    {
        Path = string.Concat(newPrefix, Path.AsSpan(oldPrefix.Length));
        Depth += depthDelta;
    }

    public void Retire(DateTimeOffset at)
    {
        if (IsRetired)
            throw new ConflictException("该单位已撤销");
        IsRetired = true;
        RetiredAt = at;
    }

    public void Reinstate()
    {
        if (Parent is { IsRetired: true })
            throw new ConflictException("上级单位已撤销，不能恢复");
        IsRetired = false;
        RetiredAt = null;
    }

    public void SetGeography(string? boundaryGeoJson, double? lat, double? lng)
    {
        if (lat is < -90 or > 90)
            throw new ValidationFailedException("centerLat", "纬度须在 -90 到 90 之间");
        if (lng is < -180 or > 180)
            throw new ValidationFailedException("centerLng", "经度须在 -180 到 180 之间");
        if ((lat is null) != (lng is null))
            throw new ValidationFailedException("centerLat", "中心点的经度和纬度须同时填写");
        BoundaryGeoJson = string.IsNullOrWhiteSpace(boundaryGeoJson) ? null : GeoJsonPolygon.Validate(boundaryGeoJson);
        CenterLat = lat;
        CenterLng = lng;
    }

    private void AttachTo(OrgUnit? parent)
    {
        Parent = parent;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id.ToString("N") + "/";
        Depth = (parent?.Depth ?? -1) + 1;
    }
}
