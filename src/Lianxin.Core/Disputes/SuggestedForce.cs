using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

/// <summary>A force to invite for a kind of dispute ("司法所", "律师"). Tied optionally to a kind of
/// member, and a word their organisation contains, so the registry can offer the right people.</summary>
public sealed class SuggestedForce
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; } = "";
    public MemberKind? Kind { get; private set; }

    /// <summary>Matched against the member's organisation (and name), e.g. "律师" finds "某律师事务所".</summary>
    public string? Keyword { get; private set; }
    public int SortOrder { get; private set; }

    private SuggestedForce() { }

    public static SuggestedForce Create(string? name, MemberKind? kind = null, string? keyword = null, int sortOrder = 0) =>
        new()
        {
            Name = name?.Trim() ?? "",
            Kind = kind,
            Keyword = Common.Checks.Clean(keyword),
            SortOrder = sortOrder,
        };
}
