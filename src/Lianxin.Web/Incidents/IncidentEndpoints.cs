using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Incidents;

public static class IncidentEndpoints
{
    public sealed record CallerRevealRequest(string? Reason);

    public static void MapIncidentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents")
            .WithTags("警情")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRead))
            .ProducesSignInProblems();
        var register = PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRegister);
        g.MapGet("/", List)
            .WithName("ListIncidents")
            .ProducesQueryProblems()
            .WithSummary("警情台账（分页）：按接警日期、类别、单位、有效性、可防性、待落地、疑似重复、来源过滤，q 按警情编号搜索")
            .WithDescription(
                "按 after 翻页：把上一页返回的 next 原样作为 after（不再给 page），深页与第一页一样快；next 为空即最后一页。total 最多数到 1000，超过时 totalExact 为 false，表示“超过 1000 条”。"
            );
        g.MapPost("/", Create)
            .Idempotent()
            .WithName("CreateIncident")
            .ProducesCreateProblems()
            .RequireAuthorization(register)
            .WithSummary("录入一条警情（可带当事人 parties：身份、姓名、身份证号、电话）；警情编号已登记时返回 409，不重复录入");
        g.MapPost("/batch", Batch)
            .WithName("IntakeIncidentBatch")
            .ProducesCreateProblems()
            .RequireAuthorization(register)
            .WithSummary($"110 系统推送警情（一次 1 到 {IncidentService.MaxBatch} 条），按警情编号幂等")
            .WithDescription(
                "逐条返回结果：created（已入库）、duplicate（编号已登记，未作任何改动）、invalid（附各字段错误）。有效的条目照常入库，"
                    + "不受同批无效条目影响；承办单位超出账号管辖范围时整批拒绝（403），不入库任何条目。"
            );
        g.MapGet("/export", Export)
            .WithName("ExportIncidents")
            .ProducesExport()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsExport))
            .WithSummary("导出警情台账（Excel，报警人脱敏，记入审计日志），条件同台账");
        g.MapGet("/{id:guid}", Get)
            .WithName("GetIncident")
            .ProducesRecordProblems()
            .WithSummary("警情详情（报警人脱敏）：落地方式、关联警情、重复的原警情、关联纠纷");
        g.MapPut("/{id:guid}", Update)
            .WithName("UpdateIncident")
            .ProducesChangeProblems()
            .RequireAuthorization(register)
            .WithSummary("修改警情研判信息：类别、处置情况、处警民警、可防性、有效性、重复的原警情、关联纠纷；须带 version，过期返回 409");
        g.MapPost("/{id:guid}/place", Place)
            .WithName("PlaceIncident")
            .ProducesChangeProblems()
            .RequireAuthorization(register)
            .WithSummary("人工落地：把待落地（或落错）的警情指定到本人管辖范围内的单位；须带 version");
        g.MapPost("/{id:guid}/links/{relatedId:guid}", Link)
            .WithName("LinkIncidents")
            .RequireAuthorization(register)
            .ProducesChangeProblems()
            .WithSummary("关联两条警情（如同一事件多次报警）；已关联时不变");
        g.MapDelete("/{id:guid}/links/{relatedId:guid}", Unlink)
            .WithName("UnlinkIncidents")
            .RequireAuthorization(register)
            .ProducesChangeProblems()
            .WithSummary("取消两条警情的关联");
        g.MapPost("/{id:guid}/caller/reveal", Reveal)
            .WithName("RevealIncidentCaller")
            .ProducesQueryProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal))
            .WithSummary("查看报警人完整姓名和电话（可写事由，记入审计日志）");
        g.MapPost("/{id:guid}/parties/reveal", RevealParties)
            .WithName("RevealIncidentParties")
            .ProducesQueryProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal))
            .WithSummary("查看当事人完整姓名、身份证号和电话（可写事由，记入审计日志）");
    }

    private static async Task<Ok<PagedResult<IncidentRow>>> List(
        [AsParameters] IncidentFilter filter,
        [AsParameters] LedgerPageQuery page,
        IncidentService incidents,
        CancellationToken ct
    ) => TypedResults.Ok(await incidents.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Created<IncidentDetail>> Create(IncidentInput input, IncidentService incidents, CancellationToken ct)
    {
        var x = await incidents.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/incidents/{x.Id}", await incidents.GetAsync(x.Id, ct));
    }

    private static async Task<Ok<IncidentBatchResult>> Batch(IncidentBatchInput input, IncidentService incidents, CancellationToken ct) =>
        TypedResults.Ok(await incidents.IntakeBatchAsync(input, ct));

    private static async Task<Ok<IncidentDetail>> Get(Guid id, IncidentService incidents, CancellationToken ct) =>
        TypedResults.Ok(await incidents.GetAsync(id, ct));

    private static async Task<Ok<IncidentDetail>> Update(Guid id, IncidentEditInput input, IncidentService incidents, CancellationToken ct)
    {
        await incidents.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await incidents.GetAsync(id, ct));
    }

    private static async Task<Ok<IncidentDetail>> Place(Guid id, IncidentPlaceInput input, IncidentService incidents, CancellationToken ct)
    {
        await incidents.PlaceAsync(id, input, ct);
        return TypedResults.Ok(await incidents.GetAsync(id, ct));
    }

    private static async Task<Ok<IncidentDetail>> Link(Guid id, Guid relatedId, IncidentService incidents, CancellationToken ct)
    {
        await incidents.LinkAsync(id, relatedId, ct);
        return TypedResults.Ok(await incidents.GetAsync(id, ct));
    }

    private static async Task<NoContent> Unlink(Guid id, Guid relatedId, IncidentService incidents, CancellationToken ct)
    {
        await incidents.UnlinkAsync(id, relatedId, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RevealedCaller>> Reveal(
        Guid id,
        CallerRevealRequest? body,
        IncidentService incidents,
        CancellationToken ct
    ) => TypedResults.Ok(await incidents.RevealCallerAsync(id, body?.Reason, ct));

    private static async Task<Ok<IReadOnlyList<RevealedParty>>> RevealParties(
        Guid id,
        CallerRevealRequest? body,
        IncidentService incidents,
        CancellationToken ct
    ) => TypedResults.Ok(await incidents.RevealPartiesAsync(id, body?.Reason, ct));

    private static async Task<IResult> Export(
        [AsParameters] IncidentFilter filter,
        IncidentService incidents,
        Lianxin.Core.Dictionaries.DictionaryService dictionaries,
        CancellationToken ct
    )
    {
        var rows = await incidents.ExportAsync(filter, ExcelExport.MaxRows, ct);
        var category = await DictionaryLabels.OfAsync(dictionaries, IncidentService.CategoryDictionary, ct);
        return await ExcelExport.FileAsync(
            rows,
            "警情台账",
            ("警情编号", r => r.Number),
            ("接警时间", r => r.ReceivedAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm")),
            ("类别", r => category(r.CategoryCode)),
            ("类型", r => category(r.TypeCode)),
            ("细类", r => category(r.SubtypeCode)),
            ("发生地址", r => r.Address),
            ("简要警情", r => r.Summary),
            ("所属单位", r => r.OrgUnitName),
            ("落地", r => r.PlaceId is null ? "待落地" : "已落地"),
            ("处警民警", r => r.HandlingOfficer),
            ("有效性", r => r.ValidityLabel),
            ("可防性", r => r.Preventable ? "可防" : "不可防"),
            ("疑似重复", r => r.FlaggedRepeat ? "是" : ""),
            ("来源", r => r.SourceLabel)
        );
    }
}
