using System.Buffers;
using MiniExcelLibs;

namespace Lianxin.Web.Api;

/// <summary>Ledgers as .xlsx, the form stations keep them in. Columns are given in Chinese; codes are given as their
/// labels by the caller. Every text cell is written as a plain string and, when it starts with a character a
/// spreadsheet reads as a formula, with a leading apostrophe, so it stays inert after a re-save as CSV (OWASP
/// "CSV injection").</summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 100_000;

    public static async Task<IResult> FileAsync<T>(
        IEnumerable<T> rows,
        string fileName,
        params (string Header, Func<T, object?> Value)[] columns
    )
    {
        var table = rows.Select(r =>
            {
                var row = new Dictionary<string, object?>();
                foreach (var (header, value) in columns)
                    row[header] = Cell(value(r));
                return row;
            })
            .ToList();
        if (table.Count == 0)
            table.Add(columns.ToDictionary(c => c.Header, _ => (object?)null));
        return Results.File(
            await StreamAsync(table, CancellationToken.None),
            ContentType,
            $"{fileName}-{DateTime.UtcNow.AddHours(8):yyyyMMdd-HHmm}.xlsx"
        );
    }

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>A cell's value as it may be written: text made inert (<see cref="Inert"/>), anything else as it is.</summary>
    public static object? Cell(object? value) => value is string text ? Inert(text) : value;

    /// <summary>Text that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, prefixed
    /// with an apostrophe so no spreadsheet takes it for a formula.</summary>
    public static string Inert(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    /// <summary>A workbook as given (rows, or sheets by name), downloaded under <paramref name="fileName"/> as it is.</summary>
    public static async Task<IResult> WorkbookAsync(object sheets, string fileName, CancellationToken ct) =>
        Results.File(await StreamAsync(sheets, ct), ContentType, fileName);

    /// <summary>The workbook written to memory and rewound, ready to send.</summary>
    public static async Task<MemoryStream> StreamAsync(object sheets, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, cancellationToken: ct);
        stream.Position = 0;
        return stream;
    }
}
