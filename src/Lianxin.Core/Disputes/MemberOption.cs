using Lianxin.Core.Access;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

public sealed record MemberOption(Guid Id, string Name, MemberKind Kind, string? Organization, string? OrgUnitName)
{
    public string KindLabel => Kind.Label();
}
