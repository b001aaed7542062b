namespace Lianxin.Core.Incidents.Repeats;

/// <summary>One line of an imported directive list, as read from the file (row counts from 2, under the header).</summary>
public sealed record DirectiveLine(int Row, string? Number, string? Date, string? Address, string? Category, string? Content);
