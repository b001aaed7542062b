using Lianxin.Core.Organization;

namespace Lianxin.Core.Demo;

/// <summary>A demo station with one unit of each level below it (its first police district, a village
/// of that district and one of the village's grids), for attaching officer, security-director or
/// grid-worker accounts.</summary>
public sealed record DemoStation(OrgUnit Station, OrgUnit PoliceDistrict, OrgUnit Village, OrgUnit Grid);
