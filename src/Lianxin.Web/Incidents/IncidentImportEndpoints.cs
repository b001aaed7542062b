using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Import;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MiniExcelLibs;

namespace Lianxin.Web.Incidents;

public static class IncidentImportEndpoints
{
    /// <summary>Room for the multipart envelope around the largest file accepted.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    public static void MapIncidentImportApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents").WithTags("警情导入")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRegister));
        g.MapPost("/imports", Upload).WithName("ImportIncidents")
            .WithSummary("导入警情文件（multipart/form-data，字段名 file）：CSV（UTF-8 或 GBK/GB18030）或 .xlsx，按导入模板的列名，不超过 200 MB")
            .WithDescription("逐行校验；有效行入库，已存在的警情编号计为重复，不会重复入库；有误的行列入错误报告。同一文件再次上传不新增任何警情；中断未完成的批次在再次上传同一文件时继续完成。");
        g.MapGet("/imports", List).WithName("ListIncidentImports").WithSummary("导入批次（分页，新的在前）");
        g.MapGet("/imports/{id:guid}", Get).WithName("GetIncidentImport").WithSummary("一个导入批次：状态和行数、新增、重复、有误的条数");
        g.MapPost("/imports/{id:guid}/resume", Resume).WithName("ResumeIncidentImport")
            .WithSummary("继续完成中断的批次（行已校验暂存、尚未入库的）；已完成的批次原样返回");
        g.MapGet("/imports/{id:guid}/errors", Errors).WithName("IncidentImportErrors")
            .WithSummary("错误报告：行号、列、内容（电话、姓名已脱敏）、原因；format=xlsx（默认）或 csv 下载，format=json 分页查看");
        g.MapGet("/import-template", Template).WithName("IncidentImportTemplate")
            .WithSummary("下载警情导入模板：format=csv（UTF-8 带 BOM）或 xlsx（默认）");
    }

    private static async Task<Created<IncidentImportView>> Upload(HttpRequest request, IncidentImportService imports,
        IOptions<IncidentImportOptions> options, CancellationToken ct)
    {
        var limit = options.Value.MaxBytes + EnvelopeBytes;
        if (request.ContentLength > limit)
            throw new PayloadTooLargeException($"文件超过 {options.Value.MaxBytes / 1024 / 1024} MB，请分成几个文件导入");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            throw new ValidationFailedException("file", "请以 multipart/form-data 上传，文件字段名为 file");

        // Streamed straight from the request to the import's own temporary file: no second buffered copy.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limit };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data") || disposition.Name.Value != "file")
                continue;
            var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            var view = await imports.ImportAsync(name, section.Body, null, ct);
            return TypedResults.Created($"/api/v1/incidents/imports/{view.Id}", view);
        }
        throw new ValidationFailedException("file", "没有收到文件：字段名应为 file");
    }

    private static async Task<Ok<PagedResult<IncidentImportView>>> List([AsParameters] PageQuery page, IncidentImportService imports, CancellationToken ct) =>
        TypedResults.Ok(await imports.ListAsync(page.ToRequest(), ct));

    private static async Task<Ok<IncidentImportView>> Get(Guid id, IncidentImportService imports, CancellationToken ct) =>
        TypedResults.Ok(await imports.GetAsync(id, ct));

    private static async Task<Ok<IncidentImportView>> Resume(Guid id, IncidentImportService imports, CancellationToken ct) =>
        TypedResults.Ok(await imports.ResumeAsync(id, ct));

    private static async Task<IResult> Errors(Guid id, string? format, [AsParameters] PageQuery page, IncidentImportService imports, CancellationToken ct)
    {
        format = (format ?? "xlsx").ToLowerInvariant();
        if (format == "json") return TypedResults.Ok(await imports.ErrorsAsync(id, page.ToRequest(), ct));
        if (format is not ("xlsx" or "csv")) throw new ValidationFailedException("format", "format 只能是 xlsx、csv 或 json");
        var (batch, errors) = await imports.ErrorReportAsync(id, ct);
        var baseName = $"警情导入错误报告-{Path.GetFileNameWithoutExtension(batch.FileName)}";
        return format == "csv"
            ? Results.File(ErrorCsv(errors), "text/csv; charset=utf-8", baseName + ".csv")
            : Results.File(await ErrorXlsxAsync(errors, ct), ExcelExport.ContentType, baseName + ".xlsx");
    }

    private static async Task<IResult> Template(string? format, CancellationToken ct)
    {
        format = (format ?? "xlsx").ToLowerInvariant();
        if (format == "csv") return Results.File(IncidentImportTemplate.Csv(), "text/csv; charset=utf-8", "警情导入模板.csv");
        if (format != "xlsx") throw new ValidationFailedException("format", "format 只能是 csv 或 xlsx");
        var stream = new MemoryStream();
        await stream.SaveAsAsync(IncidentImportTemplate.ExampleRows(), cancellationToken: ct);
        stream.Position = 0;
        return Results.File(stream, ExcelExport.ContentType, "警情导入模板.xlsx");
    }

    private static readonly string[] ErrorHeaders = ["行号", "列", "内容", "原因"];

    public static byte[] ErrorCsv(IReadOnlyList<IncidentImportErrorView> errors) => ErrorReportFile.Csv(ErrorHeaders, errors.Select(Cells));

    public static Task<MemoryStream> ErrorXlsxAsync(IReadOnlyList<IncidentImportErrorView> errors, CancellationToken ct) =>
        ErrorReportFile.XlsxAsync(ErrorHeaders, errors.Select(Cells), ct);

    private static object?[] Cells(IncidentImportErrorView e) => [e.Row, e.Field, e.Value, e.Reason];
}
