using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Disputes;

public static class DisputeEndpoints
{
    public static void MapDisputeApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/disputes")
            .WithTags("矛盾纠纷")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRead))
            .ProducesSignInProblems();
        g.MapGet("/", List)
            .WithName("ListDisputes")
            .ProducesQueryProblems()
            .WithSummary("纠纷台账（分页）：按状态、层级、类别、单位、风险、来源、是否超期、是否在办过滤")
            .WithDescription(
                "按 after 翻页：把上一页返回的 next 原样作为 after（不再给 page），深页与第一页一样快；next 为空即最后一页。total 最多数到 1000，超过时 totalExact 为 false，表示“超过 1000 条”。"
            );
        g.MapGet("/figures", Figures)
            .WithName("DisputeFigures")
            .ProducesQueryProblems()
            .WithSummary("纠纷统计：受理、化解、化解率、不出组/村/镇占比、移交、平均化解天数、复发率及同比（日期按北京时间，含首尾两日）")
            .WithDescription(
                "orgUnitId 省略时统计本人全部管辖范围；from、to 省略时为本年至今。每项件数可用台账接口的 figure、from、to、orgUnitId 参数打开对应纠纷。"
            );
        g.MapGet("/reported", Reported)
            .WithName("ListReportedDisputes")
            .ProducesQueryProblems()
            .WithSummary("我上报的纠纷（分页）：只有办理状态和结果，没有当事人信息和调解记录");
        g.MapGet("/reported/{id:guid}", ReportedOne)
            .WithName("GetReportedDispute")
            .ProducesRecordProblems()
            .WithSummary("我上报的一起纠纷：办理状态和结果（不是本人上报的为 404）");
        g.MapGet("/{id:guid}", Get)
            .WithName("GetDispute")
            .ProducesRecordProblems()
            .WithSummary("纠纷详情：当事人、完整时间线、回访、可执行的操作、风险因素");
        g.MapPost("/", Register)
            .Idempotent()
            .WithName("RegisterDispute")
            .ProducesCreateProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRegister))
            .WithSummary("登记纠纷");
        g.MapPost("/{id:guid}/actions", Act)
            .WithName("ActOnDispute")
            .ProducesChangeProblems()
            .WithSummary("执行一步：分流、开始调解、升级、记录未成、化解、移交、终结、撤回、回访、结案、复发重启；须带 version")
            .WithDescription(
                "化解后自动安排 7 天和 30 天两次回访；回访结果为复发时纠纷自动重启。不允许的步骤返回 409 并说明当前可做什么。"
            );
        g.MapPost("/{id:guid}/follow-ups/{followUpId:guid}/assign", AssignFollowUp)
            .WithName("AssignDisputeFollowUp")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("回访改派：把一次未完成的回访交给本单位或上级单位有权登记回访的账号；须带 version，被派者收到通知和到期提醒");
        g.MapGet("/{id:guid}/assignees", Assignees)
            .WithName("ListDisputeAssignees")
            .ProducesQueryProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("可接收回访任务的账号（最多 50 个，可按姓名或用户名搜索）");
        g.MapGet("/{id:guid}/attachments", ListAttachments)
            .WithName("ListDisputeAttachments")
            .WithSummary("纠纷的照片和文档（含已撤回的，注明撤回原因）")
            .ProducesRecordProblems();
        g.MapPost("/{id:guid}/attachments", Upload)
            .WithName("UploadDisputeAttachment")
            .ProducesUploadProblems()
            .ProducesChangeProblems()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(AttachmentType.MaxBytes + 256 * 1024))
            .WithSummary(
                "上传一个附件（multipart/form-data，字段名 file）：照片 jpg/png/webp 或文档 pdf/doc/docx/xls/xlsx，"
                    + $"单个不超过 {Uploads.Size(AttachmentType.MaxBytes)}，每件纠纷最多 {AttachmentType.MaxPerDispute} 个"
            )
            .WithDescription("按扩展名和文件头双重识别类型，二者不符即拒绝；同一文件重复上传返回 409。需登记或调解权限。");
        g.MapGet("/{id:guid}/attachments/{attachmentId:guid}", Download)
            .WithName("DownloadDisputeAttachment")
            .ProducesRecordProblems()
            .ProducesFile(Downloads.AttachmentTypes)
            .WithSummary("下载附件（记入审计日志）");
        g.MapPost("/{id:guid}/attachments/{attachmentId:guid}/withdraw", Withdraw)
            .WithName("WithdrawDisputeAttachment")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("撤回附件（须写原因；文件仍留档，不再计入）");
        g.MapGet("/unit-for-address", UnitForAddress)
            .WithName("DisputeUnitForAddress")
            .ProducesInputProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRegister))
            .WithSummary("按地址推断纠纷所在单位（依据登记在该地址的群众；无把握时返回 null）");
        g.MapGet("/export", Export)
            .WithName("ExportDisputes")
            .ProducesExport()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesExport))
            .WithSummary("导出纠纷台账（Excel，记入审计日志）");
    }

    private static async Task<Ok<PagedResult<ReportedDispute>>> Reported(
        [AsParameters] PageQuery page,
        DisputeService disputes,
        CancellationToken ct
    ) => TypedResults.Ok(await disputes.ReportedAsync(page.ToRequest(), ct));

    private static async Task<Ok<ReportedDispute>> ReportedOne(Guid id, DisputeService disputes, CancellationToken ct) =>
        TypedResults.Ok(await disputes.ReportedAsync(id, ct));

    private static async Task<Ok<PagedResult<DisputeRow>>> List(
        [AsParameters] DisputeFilter filter,
        [AsParameters] LedgerPageQuery page,
        DisputeService disputes,
        CancellationToken ct
    ) => TypedResults.Ok(await disputes.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<DisputeFigures>> Figures(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        DisputeFigureService figures,
        CancellationToken ct
    ) => TypedResults.Ok(await figures.GetAsync(orgUnitId, from, to, ct));

    private static async Task<Ok<DisputeDetail>> Get(Guid id, DisputeService disputes, CancellationToken ct) =>
        TypedResults.Ok(await disputes.GetAsync(id, ct));

    private static async Task<Created<DisputeDetail>> Register(DisputeInput input, DisputeService disputes, CancellationToken ct)
    {
        var d = await disputes.RegisterAsync(input, ct);
        return TypedResults.Created($"/api/v1/disputes/{d.Id}", await disputes.GetAsync(d.Id, ct));
    }

    private static async Task<Ok<DisputeDetail>> Act(Guid id, DisputeActionInput input, DisputeService disputes, CancellationToken ct)
    {
        await disputes.ActAsync(id, input, ct);
        return TypedResults.Ok(await disputes.GetAsync(id, ct));
    }

    private static async Task<Ok<DisputeDetail>> AssignFollowUp(
        Guid id,
        Guid followUpId,
        FollowUpAssignInput input,
        DisputeService disputes,
        CancellationToken ct
    )
    {
        await disputes.AssignFollowUpAsync(id, followUpId, input, ct);
        return TypedResults.Ok(await disputes.GetAsync(id, ct));
    }

    private static async Task<Ok<IReadOnlyList<AssigneeOption>>> Assignees(
        Guid id,
        string? q,
        DisputeService disputes,
        CancellationToken ct
    ) => TypedResults.Ok(await disputes.AssigneesAsync(id, q, ct));

    private static async Task<Ok<IReadOnlyList<AttachmentView>>> ListAttachments(
        Guid id,
        DisputeAttachmentService attachments,
        CancellationToken ct
    ) => TypedResults.Ok(await attachments.ListAsync(id, ct));

    private static async Task<Created<AttachmentView>> Upload(
        Guid id,
        HttpRequest request,
        DisputeAttachmentService attachments,
        CancellationToken ct
    )
    {
        var (file, _) = await Uploads.SingleAsync(request, Uploads.File, ct);
        await using var stream = file.OpenReadStream();
        var view = await attachments.AddAsync(id, file.FileName, stream, ct);
        return TypedResults.Created($"/api/v1/disputes/{id}/attachments/{view.Id}", view);
    }

    private static async Task<IResult> Download(
        Guid id,
        Guid attachmentId,
        HttpContext http,
        DisputeAttachmentService attachments,
        CancellationToken ct
    )
    {
        var file = await attachments.OpenAsync(id, attachmentId, ct);
        return Downloads.Sandboxed(http, file.Data, file.Meta.ContentType, file.Meta.FileName);
    }

    private static async Task<Ok<AttachmentView>> Withdraw(
        Guid id,
        Guid attachmentId,
        WithdrawInput input,
        DisputeAttachmentService attachments,
        CancellationToken ct
    ) => TypedResults.Ok(await attachments.WithdrawAsync(id, attachmentId, input.Reason, ct));

    public sealed record WithdrawInput(string? Reason);

    public sealed record UnitGuess(Guid? OrgUnitId);

    private static async Task<Ok<UnitGuess>> UnitForAddress(string? address, DisputeService disputes, CancellationToken ct) =>
        TypedResults.Ok(new UnitGuess(await disputes.UnitForAddressAsync(address, ct)));

    private static async Task<IResult> Export(
        [AsParameters] DisputeFilter filter,
        DisputeService disputes,
        Lianxin.Core.Dictionaries.DictionaryService dictionaries,
        CancellationToken ct
    )
    {
        var rows = await disputes.ExportAsync(filter, ExcelExport.MaxRows, ct);
        var category = await DictionaryLabels.OfAsync(dictionaries, DisputeForceService.CategoryDictionary, ct);
        return await ExcelExport.FileAsync(
            rows,
            "矛盾纠纷台账",
            ("编号", r => r.Number),
            ("标题", r => r.Title),
            ("类别", r => category(r.CategoryCode)),
            ("来源", r => r.Source.Label()),
            ("状态", r => r.StatusLabel),
            ("调解层级", r => r.LevelLabel),
            ("风险", r => r.Risk?.Label()),
            ("所在单位", r => r.OrgUnitName),
            ("登记时间", r => r.RegisteredAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm")),
            ("办结时间", r => r.EndedAt?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm"))
        );
    }
}
