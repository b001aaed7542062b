namespace Lianxin.Web.Components.Layout;

/// <summary>A fold of the side menu holding the <see cref="NavEntry"/> links that name its <see cref="Id"/>;
/// drawn at <see cref="Order"/> among the top-level links, and only for holders of <see cref="Permission"/>.</summary>
public sealed record NavGroup(string Id, string LabelKey, string Icon, int Order)
{
    public string? Permission { get; init; }
}
