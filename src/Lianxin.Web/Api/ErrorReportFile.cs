using System.Text;
using Lianxin.Core.Incidents.Import;

namespace Lianxin.Web.Api;

/// <summary>The downloadable error report of an import, one line per problem under a header row: CSV in UTF-8
/// with a BOM (so Excel reads the Chinese right), or .xlsx; text that a spreadsheet would take for a formula is made
/// inert (<see cref="ExcelExport.Inert"/>). Shared by every import that reports refused rows.</summary>
public static class ErrorReportFile
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static byte[] Csv(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', headers.Select(CsvRecordReader.Quote)).Append("\r\n");
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Count; i++)
            {
                if (i > 0)
                    text.Append(',');
                text.Append(
                    row[i] switch
                    {
                        null => "",
                        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        var v => CsvRecordReader.Quote(
                            ExcelExport.Inert(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "")
                        ),
                    }
                );
            }
            text.Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A sheet with the header row; with no problems, the header alone.</summary>
    public static async Task<MemoryStream> XlsxAsync(
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct
    )
    {
        var sheet = rows.Select(r => headers.Select((h, i) => (h, r[i])).ToDictionary(x => x.h, x => ExcelExport.Cell(x.Item2))).ToList();
        if (sheet.Count == 0)
            sheet.Add(headers.ToDictionary(h => h, _ => (object?)null));
        return await ExcelExport.StreamAsync(sheet, ct);
    }
}
