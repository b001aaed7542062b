using Lianxin.Core.Common;

namespace Lianxin.Core.Demo;

/// <summary>A fictional county to demonstrate and test with: one bureau, two stations, their police
/// districts, 5 communities and 30 villages with grids and groups, residents and the people who work
/// with them. The same seed always gives the same county (ids, names, ID numbers), so a demo can be
/// rebuilt and compared; only the ciphertexts differ, since encryption uses a random nonce.</summary>
public static class DemoCounty
{
    public const int DefaultResidents = 80_000;
    public const int DefaultSeed = 20261125;

    /// <summary>Builds the county in memory; nothing is saved. Units are listed parents first.</summary>
    public static DemoCountyData Build(PersonalDataProtector protector, int residents = DefaultResidents, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentOutOfRangeException.ThrowIfNegative(residents);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(residents, 2_000_000);
        return new DemoCountyBuilder(protector, seed).Build(residents);
    }
}
