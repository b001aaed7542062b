using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

public sealed record ForceInput(string? Name, MemberKind? Kind = null, string? Keyword = null);
