namespace Lianxin.Core.Incidents.Import;

public sealed record IncidentImportView(
    Guid Id,
    string FileName,
    long SizeBytes,
    string Sha256,
    ImportFileFormat Format,
    string? Encoding,
    string ImportedByName,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IncidentImportStatus Status,
    int Rows,
    int Valid,
    int Stored,
    int Duplicates,
    int Invalid,
    string? Failure
)
{
    public string StatusLabel => Status.Label();

    public static IncidentImportView From(IncidentImport b) =>
        new(
            b.Id,
            b.FileName,
            b.SizeBytes,
            b.Sha256,
            b.Format,
            b.Encoding,
            b.ImportedByName,
            b.StartedAt,
            b.FinishedAt,
            b.Status,
            b.Rows,
            b.Valid,
            b.Stored,
            b.Duplicates,
            b.Invalid,
            b.Failure
        );
}
