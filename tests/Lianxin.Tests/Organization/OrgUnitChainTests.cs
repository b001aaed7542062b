using Lianxin.Core.Organization;

namespace Lianxin.Tests.Organization;

public class OrgUnitChainTests
{
    [Fact]
    public void A_units_chain_runs_from_the_root_to_the_unit_itself()
    {
        var bureau = OrgUnit.Create("B", "局", OrgUnitKind.Bureau, null);
        var station = OrgUnit.Create("S", "所", OrgUnitKind.Station, bureau);

        Assert.Equal(new[] { bureau.Id, station.Id }, OrgUnit.ChainOf(station.Path));
        Assert.Equal(new[] { bureau.Id }, OrgUnit.ChainOf(bureau.Path));
    }
}
