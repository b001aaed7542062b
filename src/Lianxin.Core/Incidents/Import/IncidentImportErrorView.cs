namespace Lianxin.Core.Incidents.Import;

public sealed record IncidentImportErrorView(int Row, string Field, string? Value, string Reason);
