namespace Lianxin.Core.Incidents.Import;

/// <summary>A reason one cell of a row was refused.</summary>
public sealed record RowError(string Field, string? Value, string Reason);
