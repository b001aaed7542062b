using Lianxin.Core.Organization;

namespace Lianxin.Core.Demo;

/// <summary>The demo county as built: units parents first, then residents and members, plus the
/// units a caller needs to hang demo accounts on.</summary>
public sealed record DemoCountyData(
    IReadOnlyList<OrgUnit> Units,
    IReadOnlyList<Resident> Residents,
    IReadOnlyList<Member> Members,
    OrgUnit Bureau,
    IReadOnlyList<DemoStation> Stations
);
