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

namespace Lianxin.Web.Incidents;

public static class IncidentImportEndpoints
{
    /// <summary>Room for the multipart envelope around the largest file accepted.</summary>
    private const long EnvelopeBytes = 1024 * 1024;

    public static void MapIncidentImportApi(this RouteGroupBuilder api)
    {
        // The limit shown is the one the upload is checked against (Incidents:Import:MaxBytes), read when the routes are mapped.
        var maxBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<IncidentImportOptions>>().Value.MaxBytes;
        var g = api.MapGroup("/incidents")
            .WithTags("警情导入")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRegister))
            .ProducesSignInProblems();
        g.MapPost("/imports", Upload)
            .WithName("ImportIncidents")
            .ProducesUploadProblems()
            .ProducesCreateProblems()
            .WithSummary(
                $"导入警情文件（multipart/form-data，字段名 file）：CSV（UTF-8 或 GBK/GB18030）或 .xlsx，按导入模板的列名，不超过 {Uploads.Size(maxBytes)}"
            )
            .WithDescription(
                "逐行校验；有效行入库，已存在的警情编号计为重复，不会重复入库；有误的行列入错误报告。同一文件再次上传不新增任何警情；中断未完成的批次在再次上传同一文件时继续完成。"
            );
        g.MapGet("/imports", List).WithName("ListIncidentImports").ProducesInputProblems().WithSummary("导入批次（分页，新的在前）");
        g.MapGet("/imports/{id:guid}", Get)
            .WithName("GetIncidentImport")
            .ProducesRecordProblems()
            .WithSummary("一个导入批次：状态和行数、新增、重复、有误的条数");
        g.MapPost("/imports/{id:guid}/resume", Resume)
            .WithName("ResumeIncidentImport")
            .ProducesChangeProblems()
            .WithSummary("继续完成中断的批次（行已校验暂存、尚未入库的）；已完成的批次原样返回");
        g.MapGet("/imports/{id:guid}/errors", Errors)
            .WithName("IncidentImportErrors")
            .ProducesQueryProblems()
            .ProducesErrorReport<PagedResult<IncidentImportErrorView>>()
            .WithSummary("错误报告：行号、列、内容（电话、姓名已脱敏）、原因；format=xlsx（默认）或 csv 下载，format=json 分页查看");
        g.MapGet("/import-template", Template)
            .WithName("IncidentImportTemplate")
            .ProducesInputProblems()
            .ProducesFile(ErrorReportFile.CsvContentType, ExcelExport.ContentType)
            .WithSummary("下载警情导入模板：format=csv（UTF-8 带 BOM）或 xlsx（默认）");
    }

    private static async Task<Created<IncidentImportView>> Upload(
        HttpRequest request,
        IncidentImportService imports,
        IOptions<IncidentImportOptions> options,
        CancellationToken ct
    )
    {
        var limit = options.Value.MaxBytes + EnvelopeBytes;
        if (request.ContentLength > limit)
            throw new PayloadTooLargeException($"文件超过 {Uploads.Size(options.Value.MaxBytes)}，请分成几个文件导入");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (
            !MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary
        )
            throw new ValidationFailedException(Uploads.File.Key, Uploads.File.NotAForm);

        // Streamed straight from the request to the import's own temporary file: no second buffered copy.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = limit };
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (
                !ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data")
                || disposition.Name.Value != "file"
            )
                continue;
            var name = disposition.FileNameStar.HasValue
                ? disposition.FileNameStar.Value
                : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            var view = await imports.ImportAsync(name, section.Body, null, ct);
            return TypedResults.Created($"/api/v1/incidents/imports/{view.Id}", view);
        }
        throw new ValidationFailedException("file", "没有收到文件：字段名应为 file");
    }

    private static async Task<Ok<PagedResult<IncidentImportView>>> List(
        [AsParameters] PageQuery page,
        IncidentImportService imports,
        CancellationToken ct
    ) => TypedResults.Ok(await imports.ListAsync(page.ToRequest(), ct));

    private static async Task<Ok<IncidentImportView>> Get(Guid id, IncidentImportService imports, CancellationToken ct) =>
        TypedResults.Ok(await imports.GetAsync(id, ct));

    private static async Task<Ok<IncidentImportView>> Resume(Guid id, IncidentImportService imports, CancellationToken ct) =>
        TypedResults.Ok(await imports.ResumeAsync(id, ct));

    private static async Task<IResult> Errors(
        Guid id,
        string? format,
        [AsParameters] PageQuery page,
        IncidentImportService imports,
        CancellationToken ct
    )
    {
        format = Downloads.Format(format, "xlsx", "xlsx", "csv", "json");
        if (format == "json")
            return TypedResults.Ok(await imports.ErrorsAsync(id, page.ToRequest(), ct));
        var (batch, errors) = await imports.ErrorReportAsync(id, ct);
        return await Downloads.ErrorReportAsync(
            format,
            $"警情导入错误报告-{Path.GetFileNameWithoutExtension(batch.FileName)}",
            ErrorHeaders,
            errors.Select(Cells),
            ct
        );
    }

    private static async Task<IResult> Template(string? format, CancellationToken ct)
    {
        format = Downloads.Format(format, "xlsx", "csv", "xlsx");
        if (format == "csv")
            return Results.File(IncidentImportTemplate.Csv(), ErrorReportFile.CsvContentType, "警情导入模板.csv");
        return await ExcelExport.WorkbookAsync(IncidentImportTemplate.ExampleRows(), "警情导入模板.xlsx", ct);
    }

    private static readonly string[] ErrorHeaders = ["行号", "列", "内容", "原因"];

    private static object?[] Cells(IncidentImportErrorView e) => [e.Row, e.Field, e.Value, e.Reason];
}
