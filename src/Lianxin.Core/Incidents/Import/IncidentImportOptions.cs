namespace Lianxin.Core.Incidents.Import;

public sealed class IncidentImportOptions
{
    public const string Section = "Incidents:Import";

    /// <summary>Largest file accepted: 300 MB holds a million rows of a 110 export with full summaries (the
    /// bench's million-row file is 219 MB).</summary>
    public long MaxBytes { get; set; } = 300L * 1024 * 1024;

    /// <summary>Errors kept for the report; beyond this only the count grows.</summary>
    public int MaxStoredErrors { get; set; } = 10_000;

    /// <summary>Rows checked, placed and bulk-written at a time (the next block is checked while one is written).</summary>
    public int BlockRows { get; set; } = 10_000;

    /// <summary>Added incidents handed to the intake steps at a time; unset, the measured best of each database
    /// (<see cref="IntakeChunkFor"/>).</summary>
    public int? IntakeChunk { get; set; }

    /// <summary>At a million rows a whole block (10,000) at a time made PostgreSQL's intake steps 17 % faster than
    /// 2,000, and SQLite's 18 % slower (bench/README.md).</summary>
    public int IntakeChunkFor(bool postgres) =>
        IntakeChunk is int n and > 0 ? n
        : postgres ? 10_000
        : 2_000;

    /// <summary>Where an upload is kept until its batch is done, so an interrupted import can be run again
    /// (by the button, the API or at start-up) without sending the file again. Relative to the working directory.</summary>
    public string WorkDirectory { get; set; } = "data/imports";
}
