namespace Lianxin.Web.Components.Layout;

/// <summary>One link of the console's side menu, registered by the feature it opens so the menu needs no
/// edit when a feature is added. <see cref="LabelKey"/> names a text in the shared resources; a link with a
/// <see cref="Permission"/> shows only to holders of it; one with a <see cref="Group"/> sits inside that
/// group's fold. Links and groups are drawn in <see cref="Order"/>.</summary>
public sealed record NavEntry(string Href, string LabelKey, string Icon, int Order)
{
    public string? Permission { get; init; }

    public string? Group { get; init; }

    /// <summary>Highlighted only on its own address, not on the addresses below it.</summary>
    public bool MatchAll { get; init; }

    /// <summary>A link that opens in a new tab (the API reference).</summary>
    public string? Target { get; init; }
}
