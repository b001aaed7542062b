namespace Lianxin.Core.Incidents;

/// <summary>A "related" link between two incidents (the same event reported twice, one caller about
/// another's incident); stored once per pair, lower id first.</summary>
public sealed class IncidentLink
{
    public Guid IncidentId { get; init; }
    public Guid RelatedId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? CreatedById { get; init; }
}
