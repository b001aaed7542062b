namespace Lianxin.Core.Organization;

/// <summary>A scoped record that also carries the station whose area its unit lies in (null above any station), kept
/// as the unit moves, so that a station's records are one index range and a list of one station's newest records
/// does not walk past every other station's (see <see cref="Access.DataScope.WithinStations{T}"/>).</summary>
public interface IStationed
{
    Guid? StationId { get; }
}
