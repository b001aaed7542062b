using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Repeats;
using MiniExcelLibs;

namespace Lianxin.Web.Incidents;

/// <summary>Reads a directive list (xlsx or CSV, UTF-8) whose first row names the columns 指令编号, 日期, 地址,
/// 类别, 内容 (English names number, date, address, category, content also work).</summary>
public static class DirectiveFile
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["指令编号"] = "number",
        ["编号"] = "number",
        ["number"] = "number",
        ["日期"] = "date",
        ["下发日期"] = "date",
        ["date"] = "date",
        ["地址"] = "address",
        ["address"] = "address",
        ["类别"] = "category",
        ["警情类别"] = "category",
        ["category"] = "category",
        ["内容"] = "content",
        ["指令内容"] = "content",
        ["content"] = "content",
    };

    public static IReadOnlyList<DirectiveLine> Read(Stream stream, string fileName)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        var type = ext switch
        {
            ".xlsx" => ExcelType.XLSX,
            ".csv" => ExcelType.CSV,
            _ => throw new ValidationFailedException("file", "请上传 .xlsx 或 .csv 文件"),
        };
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        buffer.Position = 0;
        if (type == ExcelType.XLSX && (buffer.Length < 4 || buffer.GetBuffer()[0] != 'P' || buffer.GetBuffer()[1] != 'K'))
            throw new ValidationFailedException("file", "文件不是有效的 Excel（.xlsx）文件");
        List<IDictionary<string, object?>> rows;
        try
        {
            rows = buffer
                .Query(useHeaderRow: true, excelType: type)
                .Cast<IDictionary<string, object?>>()
                .Take(DirectiveService.MaxLines + 1)
                .ToList();
        }
        catch (Exception e) when (e is not ValidationFailedException)
        {
            throw new ValidationFailedException("file", "无法读取文件，请用模板格式（第一行为表头）");
        }
        if (rows.Count == 0)
            return [];
        var columns = rows[0].Keys.Where(k => Headers.ContainsKey(k.Trim())).ToDictionary(k => Headers[k.Trim()], k => k);
        foreach (var needed in new[] { "number", "date", "content" })
            if (!columns.ContainsKey(needed))
                throw new ValidationFailedException("file", "表头须含：指令编号、日期、内容（地址、类别可选）");
        string? Cell(IDictionary<string, object?> r, string name) =>
            columns.TryGetValue(name, out var col) && r.TryGetValue(col, out var v)
                ? v switch
                {
                    null => null,
                    DateTime d => d.ToString("yyyy-MM-dd"),
                    _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                }
                : null;
        return rows.Select(
                (r, i) =>
                    new DirectiveLine(
                        i + 2,
                        Cell(r, "number"),
                        Cell(r, "date"),
                        Cell(r, "address"),
                        Cell(r, "category"),
                        Cell(r, "content")
                    )
            )
            .Where(l => l.Number is not null || l.Content is not null || l.Date is not null)
            .ToList();
    }
}
