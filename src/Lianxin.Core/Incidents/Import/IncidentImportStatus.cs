namespace Lianxin.Core.Incidents.Import;

public enum IncidentImportStatus
{
    Reading = 1, // being imported, or interrupted before it committed (nothing of it is stored then)
    Staged = 2, // left by earlier versions, which staged rows first; run again from its file like Reading
    Done = 3, // incidents added, counts final
    Failed = 4, // the file could not be read as a whole (Failure says why)
}
