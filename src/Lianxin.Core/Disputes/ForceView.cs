using Lianxin.Core.Access;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

public sealed record ForceView(string Name, MemberKind? Kind, string? Keyword)
{
    public string? KindLabel => Kind?.Label();
}
