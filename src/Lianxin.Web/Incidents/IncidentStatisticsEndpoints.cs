using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Core.Incidents.Statistics;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Incidents;

public static class IncidentStatisticsEndpoints
{
    public static void MapIncidentStatisticsApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/incidents/statistics")
            .WithTags("警情统计")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsRead))
            .ProducesSignInProblems();
        g.MapGet("/", Get)
            .WithName("IncidentStatistics")
            .ProducesQueryProblems()
            .WithSummary(
                "警情统计：总数、有效/重复/无效、可防性，按类别、下级单位、时段、星期，同比与环比，单位×类别热力表（日期按北京时间，含首尾两日）"
            )
            .WithDescription(
                "orgUnitId 省略时统计本人全部管辖范围；from、to 省略时为本年至今；区间最长 5 年。由每日汇总表求和得出，不扫描警情明细。"
            );
        g.MapGet("/export", Export)
            .WithName("ExportIncidentStatistics")
            .ProducesExport()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.IncidentsExport))
            .WithSummary("导出警情统计（Excel，多个工作表；记入审计日志）");
    }

    private static async Task<Ok<IncidentStatistics>> Get(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        IncidentStatisticsService statistics,
        CancellationToken ct
    ) => TypedResults.Ok(await statistics.GetAsync(orgUnitId, from, to, ct));

    private static async Task<IResult> Export(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        IncidentStatisticsService statistics,
        CancellationToken ct
    )
    {
        var s = await statistics.ExportAsync(orgUnitId, from, to, ct);
        return await ExcelExport.WorkbookAsync(Sheets(s), $"警情统计-{Day(s.Period.From)}至{Day(s.Period.To)}.xlsx", ct);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Percent(double? r) => r is { } v ? (v * 100).ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture) + "%" : null;

    /// <summary>One sheet per breakdown, headed in Chinese, as the statistics page shows them.</summary>
    public static Dictionary<string, object> Sheets(IncidentStatistics s)
    {
        var c = s.Counts;
        var summary = new List<Dictionary<string, object?>>
        {
            Row("统计单位", s.UnitName, null, null),
            Row(
                "统计区间",
                $"{Day(s.Period.From)} 至 {Day(s.Period.To)}",
                $"{Day(s.YearOnYear.Period.From)} 至 {Day(s.YearOnYear.Period.To)}",
                $"{Day(s.MonthOnMonth.Period.From)} 至 {Day(s.MonthOnMonth.Period.To)}"
            ),
            Row(
                "警情总数",
                c.Total,
                s.YearOnYear.Counts.Total,
                s.MonthOnMonth.Counts.Total,
                Percent(s.YearOnYear.TotalChange),
                Percent(s.MonthOnMonth.TotalChange)
            ),
            Row(
                "有效警情",
                c.Valid,
                s.YearOnYear.Counts.Valid,
                s.MonthOnMonth.Counts.Valid,
                Percent(s.YearOnYear.ValidChange),
                Percent(s.MonthOnMonth.ValidChange)
            ),
            Row("重复警情", c.Repeat, s.YearOnYear.Counts.Repeat, s.MonthOnMonth.Counts.Repeat),
            Row("无效警情", c.Invalid, s.YearOnYear.Counts.Invalid, s.MonthOnMonth.Counts.Invalid),
            Row(
                "可防性警情",
                c.Preventable,
                s.YearOnYear.Counts.Preventable,
                s.MonthOnMonth.Counts.Preventable,
                Percent(s.YearOnYear.PreventableChange),
                Percent(s.MonthOnMonth.PreventableChange)
            ),
        };
        var categories = s
            .ByCategory.Select(x => new Dictionary<string, object?>
            {
                ["类别代码"] = x.Code,
                ["类别"] = x.Name,
                ["警情数"] = x.Total,
                ["有效"] = x.Valid,
                ["可防性"] = x.Preventable,
            })
            .ToList();
        var units = s
            .ByUnit.Select(u =>
            {
                var row = new Dictionary<string, object?>
                {
                    ["单位"] = u.Own ? $"{u.Name}（本级）" : u.Name,
                    ["警情数"] = u.Total,
                    ["有效"] = u.Valid,
                    ["可防性"] = u.Preventable,
                };
                for (var i = 0; i < s.ByCategory.Count; i++)
                    row[s.ByCategory[i].Name] = u.ByCategory[i];
                return row;
            })
            .ToList();
        var hours = s
            .ByHour.Select((n, h) => new Dictionary<string, object?> { ["时段"] = $"{h:D2}:00–{h:D2}:59", ["警情数"] = n })
            .ToList();
        string[] weekdays = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"];
        var days = s.ByWeekday.Select((n, d) => new Dictionary<string, object?> { ["星期"] = weekdays[d], ["警情数"] = n }).ToList();
        var definitions = s
            .Definitions.Select(d => new Dictionary<string, object?> { ["指标"] = d.Label, ["口径"] = d.Definition })
            .ToList();
        return new Dictionary<string, object>
        {
            ["总览"] = summary,
            ["按类别"] = NonEmpty(categories, "类别"),
            ["按单位（热力表）"] = NonEmpty(units, "单位"),
            ["按时段"] = hours,
            ["按星期"] = days,
            ["统计口径"] = definitions,
        };

        static Dictionary<string, object?> Row(
            string label,
            object? now,
            object? yearEarlier,
            object? before,
            string? yoy = null,
            string? mom = null
        ) =>
            new()
            {
                ["指标"] = label,
                ["本期"] = now,
                ["上年同期"] = yearEarlier,
                ["上一时段"] = before,
                ["同比"] = yoy,
                ["环比"] = mom,
            };

        static List<Dictionary<string, object?>> NonEmpty(List<Dictionary<string, object?>> rows, string first) =>
            rows.Count > 0 ? rows : [new() { [first] = "（本期无警情）" }];
    }
}
