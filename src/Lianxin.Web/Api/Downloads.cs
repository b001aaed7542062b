using Lianxin.Core.Common;
using Lianxin.Core.Disputes;

namespace Lianxin.Web.Api;

/// <summary>Files going out: uploaded files served so they can never run as a page of this site, import error
/// reports in the format asked for, and the check of that format.</summary>
public static class Downloads
{
    /// <summary>The types a dispute attachment is served as.</summary>
    public static readonly string[] AttachmentTypes = AttachmentType.All.Select(t => t.ContentType).Distinct().ToArray();

    /// <summary>The types a photo is served as.</summary>
    public static readonly string[] PhotoTypes = AttachmentType
        .All.Where(t => t.Kind == AttachmentKind.Photo)
        .Select(t => t.ContentType)
        .Distinct()
        .ToArray();

    /// <summary>A file someone uploaded (a photo, an attachment): sandboxed, never sniffed, kept out of shared caches.</summary>
    public static IResult Sandboxed(
        HttpContext http,
        byte[] data,
        string contentType,
        string? fileName = null,
        string cacheControl = "private, no-store"
    )
    {
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = cacheControl;
        return Results.File(data, contentType, fileName);
    }

    /// <summary>The <c>format</c> query value, lower-cased, <paramref name="fallback"/> when absent; one not in
    /// <paramref name="allowed"/> is a 422 naming the ones that are.</summary>
    public static string Format(string? format, string fallback, params string[] allowed)
    {
        var value = (format ?? fallback).ToLowerInvariant();
        if (!allowed.Contains(value))
            throw new ValidationFailedException("format", $"format 只能是 {string.Join("、", allowed[..^1])} 或 {allowed[^1]}");
        return value;
    }

    /// <summary>An import's error report as CSV (<paramref name="format"/> "csv") or .xlsx, named <paramref name="name"/>.</summary>
    public static async Task<IResult> ErrorReportAsync(
        string format,
        string name,
        IReadOnlyList<string> headers,
        IEnumerable<IReadOnlyList<object?>> rows,
        CancellationToken ct
    ) =>
        format == "csv"
            ? Results.File(ErrorReportFile.Csv(headers, rows), ErrorReportFile.CsvContentType, name + ".csv")
            : Results.File(await ErrorReportFile.XlsxAsync(headers, rows, ct), ExcelExport.ContentType, name + ".xlsx");
}
