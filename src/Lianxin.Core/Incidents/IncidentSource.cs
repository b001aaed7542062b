namespace Lianxin.Core.Incidents;

public enum IncidentSource
{
    Manual = 1, // entered at the station
    Api = 2, // pushed by the 110 system
    Import = 3, // from a CSV or Excel file
}
