using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Cases;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Incidents;

public static class CaseEndpoints
{
    public static void MapCaseApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents/cases")
            .WithTags("治安案件")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRead))
            .ProducesSignInProblems();
        g.MapGet("/", List)
            .WithName("ListCases")
            .ProducesQueryProblems()
            .WithSummary("治安案件（分页）：在办在前、按到期时间排序；可按状态、类型、单位、是否超期、是否临期过滤，带剩余时间")
            .WithDescription(
                "timeState：InTime 未到 75%、Nearing 已过 75%、Overdue 超期未结、ConcludedInTime 按期办结、ConcludedLate 超期办结；remainingMinutes 为负即已超期。"
            );
        g.MapGet("/figures", Figures)
            .WithName("CaseFigures")
            .ProducesQueryProblems()
            .WithSummary(
                "治安案件超期情况：所选区间登记的案件中按期办结、超期办结、超期未结、在办未超期各多少（日期按北京时间，含首尾两日）"
            );
        g.MapGet("/{id:guid}", Get).WithName("GetCase").ProducesRecordProblems().WithSummary("治安案件详情");
        g.MapPost("/", Register)
            .Idempotent()
            .WithName("RegisterCase")
            .ProducesCreateProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsAnalyse))
            .WithSummary("登记治安案件：简易 1 天、一般 3 天、复杂 7 天（可配置），自登记时起按小时计时；可由警情登记（incidentId）")
            .WithDescription(
                "由警情登记时办案单位默认取警情所在单位，并在警情上记下案件；同一警情只能登记一次，同一案件编号只能登记一次（409）。"
            );
        g.MapPost("/{id:guid}/conclude", Conclude)
            .WithName("ConcludeCase")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsAnalyse))
            .WithSummary("办结治安案件：填写办结情况；须带 version");
    }

    private static async Task<Ok<PagedResult<CaseRow>>> List(
        [AsParameters] CaseFilter filter,
        [AsParameters] PageQuery page,
        CaseService cases,
        CancellationToken ct
    ) => TypedResults.Ok(await cases.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<CaseFigures>> Figures(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        CaseService cases,
        CancellationToken ct
    ) => TypedResults.Ok(await cases.FiguresAsync(orgUnitId, from, to, ct));

    private static async Task<Ok<CaseRow>> Get(Guid id, CaseService cases, CancellationToken ct) =>
        TypedResults.Ok(await cases.GetAsync(id, ct));

    private static async Task<Created<CaseRow>> Register(CaseInput input, CaseService cases, CancellationToken ct)
    {
        var c = await cases.RegisterAsync(input, ct);
        return TypedResults.Created($"/api/v1/incidents/cases/{c.Id}", await cases.GetAsync(c.Id, ct));
    }

    private static async Task<Ok<CaseRow>> Conclude(Guid id, CaseConcludeInput input, CaseService cases, CancellationToken ct)
    {
        await cases.ConcludeAsync(id, input, ct);
        return TypedResults.Ok(await cases.GetAsync(id, ct));
    }
}
