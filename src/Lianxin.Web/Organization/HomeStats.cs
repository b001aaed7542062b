namespace Lianxin.Web.Organization;

public sealed record HomeStats(
    IReadOnlyList<(string Label, int Count)> Units,
    int Residents,
    int Members,
    IReadOnlyList<(string Label, int Count)> MembersByKind
);
