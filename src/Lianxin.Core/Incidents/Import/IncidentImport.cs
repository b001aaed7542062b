using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Incidents.Import;

/// <summary>One upload of a file of 110 incidents (警情导入批次): what was sent (name, size, SHA-256), by whom
/// and when, how far it got and what came of it. Its rows are checked and the new incidents added in one
/// transaction that also marks the batch done, so a batch is either done or has added nothing and can be
/// run again from its kept file (or the same file sent again) without losing or doubling anything.</summary>
public sealed class IncidentImport : Entity, IScoped
{
    public string FileName { get; set; } = "";
    public long SizeBytes { get; set; }

    /// <summary>Hex SHA-256 of the file: the same file sent again finds its unfinished batch and completes it.</summary>
    public string Sha256 { get; set; } = "";
    public ImportFileFormat Format { get; set; }

    /// <summary>The text encoding a CSV was read in ("UTF-8", "GB18030"); null for Excel.</summary>
    public string? Encoding { get; set; }
    public string ImportedById { get; set; } = "";
    public string ImportedByName { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public IncidentImportStatus Status { get; set; } = IncidentImportStatus.Reading;

    /// <summary>Data rows in the file (the header not counted).</summary>
    public int Rows { get; set; }

    /// <summary>Rows that passed every check and were staged.</summary>
    public int Valid { get; set; }

    /// <summary>New incidents this batch added.</summary>
    public int Stored { get; set; }

    /// <summary>Valid rows whose 110 number was already stored (or appeared earlier in the same file).</summary>
    public int Duplicates { get; set; }
    public int Invalid { get; set; }

    /// <summary>Why the batch stopped, when it failed as a whole (unreadable file, missing columns).</summary>
    public string? Failure { get; set; }

    /// <summary>The importer's unit: who else may see the batch.</summary>
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
}

public enum ImportFileFormat
{
    Csv = 1,
    Xlsx = 2,
}

public enum IncidentImportStatus
{
    Reading = 1, // being imported, or interrupted before it committed (nothing of it is stored then)
    Staged = 2,  // left by earlier versions, which staged rows first; run again from its file like Reading
    Done = 3,    // incidents added, counts final
    Failed = 4,  // the file could not be read as a whole (Failure says why)
}

/// <summary>One reason a row was refused: row number as the spreadsheet shows it (the header is row 1),
/// the column, the value as given (phone numbers masked) and the reason in Chinese.</summary>
public sealed class IncidentImportError
{
    public Guid BatchId { get; set; }
    public int Seq { get; set; }
    public int RowNumber { get; set; }
    public string Field { get; set; } = "";
    public string? Value { get; set; }
    public string Reason { get; set; } = "";
}

public static class IncidentImportLabels
{
    public static string Label(this IncidentImportStatus s) => s switch
    {
        IncidentImportStatus.Reading or IncidentImportStatus.Staged => "未完成",
        IncidentImportStatus.Done => "已完成",
        IncidentImportStatus.Failed => "失败",
        _ => s.ToString(),
    };
}
