namespace Lianxin.Core.Incidents.Import;

public enum ImportFileFormat
{
    Csv = 1,
    Xlsx = 2,
}
