using Lianxin.Core.Access;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

public sealed record MediatorView(Guid? MemberId, string Name, string? Organization, MemberKind? Kind)
{
    public string? KindLabel => Kind?.Label();
}
