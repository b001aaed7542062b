namespace Lianxin.Core.Incidents.Import;

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
