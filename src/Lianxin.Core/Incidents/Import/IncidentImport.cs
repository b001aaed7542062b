using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Incidents.Import;

/// <summary>One upload of a file of 110 incidents (警情导入批次): what was sent (name, size, SHA-256), by whom
/// and when, how far it got and what came of it. Its rows are checked and the new incidents added in one
/// transaction that also marks the batch done, so a batch is either done or has added nothing and can be
/// run again from its kept file (or the same file sent again) without losing or doubling anything.</summary>
public sealed class IncidentImport : Entity, IScoped
{
    public string FileName { get; private set; } = "";
    public long SizeBytes { get; private set; }

    /// <summary>Hex SHA-256 of the file: the same file sent again finds its unfinished batch and completes it.</summary>
    public string Sha256 { get; private set; } = "";
    public ImportFileFormat Format { get; private set; }

    /// <summary>The text encoding a CSV was read in ("UTF-8", "GB18030"); null for Excel.</summary>
    public string? Encoding { get; private set; }
    public string ImportedById { get; private set; } = "";
    public string ImportedByName { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public IncidentImportStatus Status { get; private set; } = IncidentImportStatus.Reading;

    /// <summary>Data rows in the file (the header not counted).</summary>
    public int Rows { get; private set; }

    /// <summary>Rows that passed every check and were staged.</summary>
    public int Valid { get; private set; }

    /// <summary>New incidents this batch added.</summary>
    public int Stored { get; private set; }

    /// <summary>Valid rows whose 110 number was already stored (or appeared earlier in the same file).</summary>
    public int Duplicates { get; private set; }
    public int Invalid { get; private set; }

    /// <summary>Why the batch stopped, when it failed as a whole (unreadable file, missing columns).</summary>
    public string? Failure { get; private set; }

    /// <summary>The importer's unit: who else may see the batch.</summary>
    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }

    private IncidentImport() { }

    /// <summary>A batch for a file just received: unfinished (<see cref="IncidentImportStatus.Reading"/>) until its run commits.</summary>
    public static IncidentImport Start(
        string fileName,
        long sizeBytes,
        string sha256,
        ImportFileFormat format,
        string? encoding,
        string importedById,
        string importedByName,
        Guid orgUnitId,
        DateTimeOffset at
    ) =>
        new()
        {
            FileName = fileName,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            Format = format,
            Encoding = encoding,
            ImportedById = importedById,
            ImportedByName = importedByName,
            OrgUnitId = orgUnitId,
            StartedAt = at,
            Status = IncidentImportStatus.Reading,
        };

    public IReadOnlyList<ImportAction> AllowedActions => ImportTransitions.Allowed(Status);

    /// <summary>Marks the batch done with its final counts, in the transaction that added its incidents.</summary>
    public void Complete(int rows, int valid, int invalid, int stored, DateTimeOffset at)
    {
        Require(ImportAction.Complete);
        (Rows, Valid, Invalid, Stored, Duplicates) = (rows, valid, invalid, stored, valid - stored);
        Status = IncidentImportStatus.Done;
        FinishedAt = at;
    }

    /// <summary>Gives up a batch that cannot be finished (its file is gone); nothing of it was stored.</summary>
    public void GiveUp(string failure, DateTimeOffset at)
    {
        Require(ImportAction.GiveUp);
        Status = IncidentImportStatus.Failed;
        FinishedAt = at;
        Failure = failure;
    }

    private void Require(ImportAction action)
    {
        if (!ImportTransitions.IsAllowed(Status, action))
            throw new ConflictException(ImportTransitions.RefusalMessage(Status, action));
    }
}
