using Lianxin.Core.Work;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Organization;

/// <summary>"My work today" (the home page's list) and the same counted by unit. Open to every signed-in account:
/// each feature's source answers only the kinds the account may read, within its data scope, so an account without
/// any of those rights gets an empty list.</summary>
public static class WorkEndpoints
{
    public static void MapWorkApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/agenda").WithTags("今日待办").ProducesSignInProblems();
        g.MapGet("/today", Today)
            .WithName("WorkToday")
            .ProducesQueryProblems()
            .WithSummary(
                "我的今日待办：临期或超期的纠纷、到期回访、过 75% 时限的治安案件、新增重复警情、待核查线索、待答复意见、待审核义警申请"
            )
            .WithDescription(
                "按本人数据范围和权限；每类给出总数和最紧急的前 top 条（默认 5，0–50），每条带打开记录的页面地址。"
                    + "kind 只看一类，orgUnitId 只看该单位及其下级（须在本人范围内）。"
            );
        g.MapGet("/by-unit", ByUnit)
            .WithName("WorkByUnit")
            .ProducesQueryProblems()
            .WithSummary("今日待办按单位统计：本人范围顶层单位之下每个单位（含下级）各类待办的件数");
    }

    private static async Task<Ok<WorkToday>> Today(int? top, string? kind, Guid? orgUnitId, WorkService work, CancellationToken ct) =>
        TypedResults.Ok(await work.TodayAsync(top, kind, orgUnitId, ct));

    private static async Task<Ok<WorkByUnit>> ByUnit(WorkService work, CancellationToken ct) => TypedResults.Ok(await work.ByUnitAsync(ct));
}
