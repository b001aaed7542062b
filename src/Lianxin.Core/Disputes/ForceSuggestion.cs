using Lianxin.Core.Access;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

public sealed record ForceSuggestion(string Name, MemberKind? Kind, string? Keyword, IReadOnlyList<MemberOption> Members)
{
    public string? KindLabel => Kind?.Label();
}
