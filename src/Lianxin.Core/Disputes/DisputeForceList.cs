using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>The forces to invite for one dispute category, as a station has set them. A category with
/// no list of its own uses <see cref="DisputeForceDefaults"/>.</summary>
public sealed class DisputeForceList : Entity
{
    public const int MaxForces = 20;

    private readonly List<SuggestedForce> _forces = [];

    public string CategoryCode { get; private set; } = "";
    public IReadOnlyList<SuggestedForce> Forces => _forces;

    private DisputeForceList() { }

    public static DisputeForceList Create(string categoryCode, IReadOnlyList<SuggestedForce> forces)
    {
        new Checks().Required("categoryCode", categoryCode, "纠纷类别", TextLimits.Code).ThrowIfAny();
        var list = new DisputeForceList { CategoryCode = categoryCode.Trim() };
        list.Replace(forces);
        return list;
    }

    /// <summary>Replaces the whole list, in the order given. An empty list is allowed: no suggestions.</summary>
    public void Replace(IReadOnlyList<SuggestedForce> forces)
    {
        Validate(forces);
        _forces.Clear();
        _forces.AddRange(forces.Select((f, i) => SuggestedForce.Create(f.Name, f.Kind, f.Keyword, i)));
    }

    public static void Validate(IReadOnlyList<SuggestedForce> forces)
    {
        var c = new Checks();
        if (forces.Count > MaxForces)
            c.Add("forces", $"每个类别最多 {MaxForces} 项推荐力量");
        foreach (var f in forces)
        {
            c.Required("forces", f.Name, "力量名称", TextLimits.Name).Optional("forces", f.Keyword, "匹配关键词", TextLimits.Code);
            if (f.Kind is { } kind && !Enum.IsDefined(kind))
                c.Add("forces", "人员类别无效");
        }
        if (forces.GroupBy(f => f.Name.Trim()).Any(g => g.Count() > 1))
            c.Add("forces", "推荐力量名称不能重复");
        c.ThrowIfAny();
    }
}
