using MiniExcelLibs;

namespace Lianxin.Web.Api;

/// <summary>Ledgers as .xlsx, the form stations keep them in. Columns are given in Chinese.</summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const int MaxRows = 100_000;

    public static async Task<IResult> FileAsync<T>(IEnumerable<T> rows, string fileName, params (string Header, Func<T, object?> Value)[] columns)
    {
        var table = rows.Select(r =>
        {
            var row = new Dictionary<string, object?>();
            foreach (var (header, value) in columns) row[header] = value(r);
            return row;
        }).ToList();
        if (table.Count == 0) table.Add(columns.ToDictionary(c => c.Header, _ => (object?)null));
        var stream = new MemoryStream();
        await stream.SaveAsAsync(table);
        stream.Position = 0;
        return Results.File(stream, ContentType, $"{fileName}-{DateTime.UtcNow.AddHours(8):yyyyMMdd-HHmm}.xlsx");
    }
}
