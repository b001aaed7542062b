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
        var g = api.MapGroup("/disputes").WithTags("矛盾纠纷")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRead));
        g.MapGet("/", List).WithName("ListDisputes")
            .WithSummary("纠纷台账（分页）：按状态、层级、类别、单位、风险、来源、是否超期、是否在办过滤");
        g.MapGet("/figures", Figures).WithName("DisputeFigures")
            .WithSummary("纠纷统计：受理、化解、化解率、不出组/村/镇占比、移交、平均化解天数、复发率及同比（日期按北京时间，含首尾两日）")
            .WithDescription("orgUnitId 省略时统计本人全部管辖范围；from、to 省略时为本年至今。每项件数可用台账接口的 figure、from、to、orgUnitId 参数打开对应纠纷。");
        g.MapGet("/{id:guid}", Get).WithName("GetDispute").WithSummary("纠纷详情：当事人、完整时间线、回访、可执行的操作、风险因素");
        g.MapPost("/", Register).Idempotent().WithName("RegisterDispute")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRegister)).WithSummary("登记纠纷");
        g.MapPost("/{id:guid}/actions", Act).WithName("ActOnDispute")
            .WithSummary("执行一步：分流、开始调解、升级、记录未成、化解、移交、终结、撤回、回访、结案、复发重启；须带 version")
            .WithDescription("化解后自动安排 7 天和 30 天两次回访；回访结果为复发时纠纷自动重启。不允许的步骤返回 409 并说明当前可做什么。");
        g.MapGet("/export", Export).WithName("ExportDisputes")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesExport)).WithSummary("导出纠纷台账（Excel，记入审计日志）");
    }

    private static async Task<Ok<PagedResult<DisputeRow>>> List([AsParameters] DisputeFilter filter, [AsParameters] PageQuery page,
        DisputeService disputes, CancellationToken ct) => TypedResults.Ok(await disputes.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<DisputeFigures>> Figures(Guid? orgUnitId, DateOnly? from, DateOnly? to, DisputeFigureService figures,
        CancellationToken ct) => TypedResults.Ok(await figures.GetAsync(orgUnitId, from, to, ct));

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

    private static async Task<IResult> Export([AsParameters] DisputeFilter filter, DisputeService disputes, CancellationToken ct)
    {
        var rows = await disputes.ExportAsync(filter, ExcelExport.MaxRows, ct);
        return await ExcelExport.FileAsync(rows, "矛盾纠纷台账",
            ("编号", r => r.Number), ("标题", r => r.Title), ("类别", r => r.CategoryCode), ("来源", r => r.Source.Label()),
            ("状态", r => r.StatusLabel), ("调解层级", r => r.LevelLabel), ("风险", r => r.Risk?.Label()), ("所在单位", r => r.OrgUnitName),
            ("登记时间", r => r.RegisteredAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm")),
            ("办结时间", r => r.EndedAt?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm")));
    }
}
