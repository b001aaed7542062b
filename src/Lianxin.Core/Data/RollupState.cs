namespace Lianxin.Core.Data;

/// <summary>Which version of its rules a roll-up table (counts kept current on every save, such as
/// the disputes' daily tallies) was last rebuilt with; start-up rebuilds a table whose
/// rules have changed since.</summary>
public sealed class RollupState
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public DateTimeOffset BuiltAt { get; set; }

    /// <summary>Rows written by the last rebuild.</summary>
    public int Rows { get; set; }
}
