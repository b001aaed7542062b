namespace Lianxin.Core.Incidents.Repeats;

/// <summary>One reason a directive row was refused, in the order found.</summary>
public sealed class DirectiveImportProblem
{
    public Guid ReportId { get; set; }
    public int Seq { get; set; }
    public int Row { get; set; }
    public string Field { get; set; } = "";
    public string Reason { get; set; } = "";
}
