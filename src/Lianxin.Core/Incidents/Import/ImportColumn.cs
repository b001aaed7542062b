namespace Lianxin.Core.Incidents.Import;

/// <summary>One column of the import file: its Chinese header (as 110 systems export it), whether a row
/// needs it, and what goes in it.</summary>
public sealed record ImportColumn(string Header, bool Required, string Description, string Example);
