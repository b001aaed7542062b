namespace Lianxin.Core.Incidents;

public enum PlacementMethod
{
    Coordinates = 1, // the point lies in the unit's boundary
    Address = 2, // the normalised address matches the place register
    Hand = 3, // chosen by staff from the queue
}
