using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Incidents;

/// <summary>Repeated incidents, the focus list, command directives and look-backs under /api/v1/incidents.</summary>
public static class RepeatEndpoints
{
    public static void MapRepeatApi(this RouteGroupBuilder api)
    {
        var read = PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRead);
        var analyse = PermissionPolicyProvider.PolicyFor(Permissions.IncidentsAnalyse);

        var clusters = api.MapGroup("/incidents/clusters").WithTags("警情研判").RequireAuthorization(read).ProducesSignInProblems();
        clusters
            .MapGet("/", ListClusters)
            .WithName("ListRepeatClusters")
            .ProducesQueryProblems()
            .WithSummary(
                "重复警情（分页）：按聚类方式（地址、报警人）、单位、日期（最近一起警情，北京时间）、是否重点关注、起数、关键词过滤"
            );
        clusters
            .MapGet("/week", Week)
            .WithName("RepeatClustersOfWeek")
            .WithSummary("周研判：某周（周一至周日）新增或增长的重复警情，按派出所分组")
            .ProducesInputProblems();
        clusters
            .MapGet("/owners", Owners)
            .WithName("ListFocusOwners")
            .ProducesInputProblems()
            .RequireAuthorization(analyse)
            .WithSummary("可指定为责任人或任务执行人的账号（本人管辖范围内，最多 50 个）");
        clusters
            .MapGet("/{id:guid}", GetCluster)
            .WithName("GetRepeatCluster")
            .WithSummary("重复警情组详情：关联线索（类别、显示名、带入的警情）、所含警情（报警人脱敏，各自的关联方式）、相关纠纷和跟进记录")
            .ProducesRecordProblems();
        clusters
            .MapPost("/{id:guid}/focus", Focus)
            .Idempotent()
            .WithName("FocusRepeatCluster")
            .RequireAuthorization(analyse)
            .ProducesChangeProblems()
            .WithSummary("加入重点关注：指定责任人（本人管辖范围内的账号，省略为本人）并可写首条记录");
        clusters
            .MapPost("/{id:guid}/dispute", OpenDispute)
            .Idempotent()
            .WithName("OpenDisputeFromCluster")
            .RequireAuthorization(analyse)
            .ProducesChangeProblems()
            .WithSummary(
                "一键转纠纷：以 110 警情为来源登记纠纷，说明取自各起警情，报警人为当事人，并关联全部警情（还需纠纷登记权限）。"
                    + "该组已转为纠纷或组内已有警情属于纠纷时返回 409，除非 confirmed 为 true：此时另行登记，新纠纷与原纠纷关联"
            );

        var focus = api.MapGroup("/incidents/focus").WithTags("警情研判").RequireAuthorization(read).ProducesSignInProblems();
        focus.MapGet("/", ListFocus).WithName("ListFocus").ProducesQueryProblems().WithSummary("重点关注名单（分页）：按状态、单位过滤");
        focus
            .MapPost("/{id:guid}", UpdateFocus)
            .WithName("UpdateFocus")
            .ProducesChangeProblems()
            .RequireAuthorization(analyse)
            .WithSummary("改责任人或状态（待跟进、跟进中、已化解）；须带 version，变更自动记入跟进记录");
        focus
            .MapPost("/{id:guid}/notes", AddNote)
            .Idempotent()
            .WithName("AddFocusNote")
            .RequireAuthorization(analyse)
            .ProducesChangeProblems()
            .WithSummary("追加跟进记录（只增不改，记录人和时间自动填写）");

        var directives = api.MapGroup("/incidents/directives").WithTags("警情研判").RequireAuthorization(read).ProducesSignInProblems();
        directives
            .MapGet("/", ListDirectives)
            .WithName("ListDirectives")
            .ProducesQueryProblems()
            .WithSummary("已导入的指令（分页），可按单位和周过滤");
        directives
            .MapPost("/import", Import)
            .WithName("ImportDirectives")
            .RequireAuthorization(analyse)
            .ProducesUploadProblems()
            .ProducesCreateProblems()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(DirectiveFile.MaxBytes + 64 * 1024))
            .WithSummary(
                $"导入指令清单（multipart/form-data：file 为 xlsx 或 csv，不超过 {Uploads.Size(DirectiveFile.MaxBytes)}；orgUnitId 为所属单位）"
            )
            .WithDescription(
                "第一行为表头：指令编号、日期、地址、类别、内容。已有编号的指令不重复导入；有问题的行逐行说明原因，其余照常导入。"
            );
        directives
            .MapGet("/imports/{id:guid}/errors", DirectiveErrors)
            .WithName("DirectiveImportErrors")
            .RequireAuthorization(analyse)
            .ProducesQueryProblems()
            .ProducesErrorReport<PagedResult<DirectiveProblem>>()
            .WithSummary(
                "指令导入的错误报告（导入结果中的 reportId）：行号、列、原因；format=xlsx（默认）或 csv 下载，format=json 分页查看；保留 30 天"
            );
        directives
            .MapGet("/comparison", Compare)
            .WithName("CompareDirectives")
            .ProducesQueryProblems()
            .WithSummary("周比对：每条指令对应的本地警情（同一地址或同一类别），以及无指令对应的警情");

        var lookbacks = api.MapGroup("/incidents/lookbacks").WithTags("警情研判").RequireAuthorization(read).ProducesSignInProblems();
        lookbacks.MapGet("/", ListLookBacks).WithName("ListLookBacks").ProducesQueryProblems().WithSummary("回头看计划（分页）");
        lookbacks
            .MapGet("/{id:guid}", GetLookBack)
            .WithName("GetLookBack")
            .ProducesRecordProblems()
            .WithSummary("回头看计划详情和每周任务");
        lookbacks
            .MapPost("/", CreateLookBack)
            .Idempotent()
            .WithName("CreateLookBack")
            .RequireAuthorization(analyse)
            .ProducesCreateProblems()
            .WithSummary("制定回头看计划：查处赌博、非法采矿等违法活动后 1–26 周，每周巡逻或抽查任务（默认每周一项）");
        lookbacks
            .MapPost("/{id:guid}/tasks/{taskId:guid}/assign", Assign)
            .WithName("AssignLookBackTask")
            .RequireAuthorization(analyse)
            .ProducesChangeProblems()
            .WithSummary("指派任务执行人（本人管辖范围内的账号）");
        lookbacks
            .MapPost("/{id:guid}/tasks/{taskId:guid}/result", Record)
            .WithName("RecordLookBackResult")
            .RequireAuthorization(analyse)
            .ProducesChangeProblems()
            .WithSummary("登记任务结果：正常，或发现反弹（须写明情况，并即时通知所长）");
    }

    private static async Task<Ok<PagedResult<ClusterRow>>> ListClusters(
        [AsParameters] ClusterFilter filter,
        [AsParameters] PageQuery page,
        RepeatService repeats,
        CancellationToken ct
    ) => TypedResults.Ok(await repeats.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<IReadOnlyList<StationWeek>>> Week(DateOnly? week, RepeatService repeats, CancellationToken ct) =>
        TypedResults.Ok(await repeats.WeekAsync(week, ct));

    private static async Task<Ok<IReadOnlyList<AssigneeChoice>>> Owners(string? q, RepeatService repeats, CancellationToken ct) =>
        TypedResults.Ok(await repeats.OwnersAsync(q, ct));

    private static async Task<Ok<ClusterDetail>> GetCluster(Guid id, RepeatService repeats, CancellationToken ct) =>
        TypedResults.Ok(await repeats.GetAsync(id, ct));

    private static async Task<Ok<ClusterDetail>> Focus(Guid id, FocusInput input, RepeatService repeats, CancellationToken ct)
    {
        await repeats.FocusAsync(id, input, ct);
        return TypedResults.Ok(await repeats.GetAsync(id, ct));
    }

    private static async Task<Created<DisputeDetail>> OpenDispute(
        Guid id,
        ClusterDisputeInput input,
        RepeatService repeats,
        DisputeService disputes,
        CancellationToken ct
    )
    {
        var d = await repeats.OpenDisputeAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/disputes/{d.Id}", await disputes.GetAsync(d.Id, ct));
    }

    private static async Task<Ok<PagedResult<ClusterRow>>> ListFocus(
        FocusStatus? status,
        Guid? orgUnitId,
        string? q,
        [AsParameters] PageQuery page,
        RepeatService repeats,
        CancellationToken ct
    ) =>
        TypedResults.Ok(
            await repeats.ListAsync(new ClusterFilter(OrgUnitId: orgUnitId, Focus: true, Status: status, Q: q), page.ToRequest(), ct)
        );

    private static async Task<Ok<ClusterDetail>> UpdateFocus(Guid id, FocusUpdate input, RepeatService repeats, CancellationToken ct)
    {
        await repeats.UpdateFocusAsync(id, input, ct);
        return TypedResults.Ok(await repeats.GetAsync(id, ct));
    }

    private static async Task<Created<FocusNoteView>> AddNote(Guid id, NoteInput input, RepeatService repeats, CancellationToken ct)
    {
        var note = await repeats.AddNoteAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/incidents/clusters/{id}", note);
    }

    private static async Task<Ok<PagedResult<DirectiveRow>>> ListDirectives(
        Guid? orgUnitId,
        DateOnly? week,
        [AsParameters] PageQuery page,
        DirectiveService directives,
        CancellationToken ct
    ) => TypedResults.Ok(await directives.ListAsync(orgUnitId, week, page.ToRequest(), ct));

    private static async Task<Ok<DirectiveImportResult>> Import(HttpRequest request, DirectiveService directives, CancellationToken ct)
    {
        var (file, form) = await Uploads.SingleAsync(request, Uploads.File, ct, DirectiveFile.MaxBytes);
        if (!Guid.TryParse(form["orgUnitId"], out var unit))
            throw new ValidationFailedException("orgUnitId", "请选择指令所属单位");
        await using var stream = file.OpenReadStream();
        var lines = DirectiveFile.Read(stream, file.FileName);
        return TypedResults.Ok(await directives.ImportAsync(unit, lines, file.FileName, ct));
    }

    private static readonly string[] DirectiveErrorHeaders = ["行号", "列", "原因"];

    private static async Task<IResult> DirectiveErrors(
        Guid id,
        string? format,
        [AsParameters] PageQuery page,
        DirectiveService directives,
        CancellationToken ct
    )
    {
        format = Downloads.Format(format, "xlsx", "xlsx", "csv", "json");
        if (format == "json")
            return TypedResults.Ok(await directives.ErrorsAsync(id, page.ToRequest(), ct));
        var (report, problems) = await directives.ErrorReportAsync(id, ct);
        var rows = problems.Select(p => (IReadOnlyList<object?>)[p.Row, p.Field, p.Reason]);
        return await Downloads.ErrorReportAsync(
            format,
            $"指令导入错误报告-{Path.GetFileNameWithoutExtension(report.FileName)}",
            DirectiveErrorHeaders,
            rows,
            ct
        );
    }

    private static async Task<Ok<DirectiveComparison>> Compare(
        Guid? orgUnitId,
        DateOnly? week,
        DirectiveService directives,
        CancellationToken ct
    ) => TypedResults.Ok(await directives.CompareAsync(orgUnitId, week, ct));

    private static async Task<Ok<PagedResult<LookBackRow>>> ListLookBacks(
        [AsParameters] LookBackFilter filter,
        [AsParameters] PageQuery page,
        LookBackService lookbacks,
        CancellationToken ct
    ) => TypedResults.Ok(await lookbacks.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<LookBackDetail>> GetLookBack(Guid id, LookBackService lookbacks, CancellationToken ct) =>
        TypedResults.Ok(await lookbacks.GetAsync(id, ct));

    private static async Task<Created<LookBackDetail>> CreateLookBack(LookBackInput input, LookBackService lookbacks, CancellationToken ct)
    {
        var plan = await lookbacks.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/incidents/lookbacks/{plan.Id}", await lookbacks.GetAsync(plan.Id, ct));
    }

    private static async Task<Ok<LookBackDetail>> Assign(
        Guid id,
        Guid taskId,
        TaskAssignInput input,
        LookBackService lookbacks,
        CancellationToken ct
    )
    {
        await lookbacks.AssignAsync(id, taskId, input, ct);
        return TypedResults.Ok(await lookbacks.GetAsync(id, ct));
    }

    private static async Task<Ok<LookBackDetail>> Record(
        Guid id,
        Guid taskId,
        TaskResultInput input,
        LookBackService lookbacks,
        CancellationToken ct
    )
    {
        await lookbacks.RecordAsync(id, taskId, input, ct);
        return TypedResults.Ok(await lookbacks.GetAsync(id, ct));
    }
}
