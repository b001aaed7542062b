using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers.Figures;
using Lianxin.Core.Volunteers.Honours;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Volunteers;

/// <summary>Training, yearly ranking, credit adjustments and figures of the volunteers.</summary>
public static class HonourEndpoints
{
    public static void MapHonourApi(this RouteGroupBuilder api)
    {
        var read = PermissionPolicyProvider.PolicyFor(Permissions.VolunteersRead);
        var manage = PermissionPolicyProvider.PolicyFor(Permissions.VolunteersManage);
        var export = PermissionPolicyProvider.PolicyFor(Permissions.VolunteersExport);

        var t = api.MapGroup("/volunteers/trainings").WithTags("义警培训").ProducesSignInProblems();
        t.MapGet("/", ListTrainings)
            .RequireAuthorization(read)
            .WithName("ListVolunteerTrainings")
            .ProducesQueryProblems()
            .WithSummary("培训台账（分页）：可按单位（含下级）、年度、关键词（主题、授课人、内容）过滤");
        t.MapPost("/", CreateTraining)
            .Idempotent()
            .RequireAuthorization(manage)
            .WithName("CreateVolunteerTraining")
            .ProducesCreateProblems()
            .WithSummary(
                "新建培训：举办单位、主题、内容、授课人、地点、时间、时长（小时，大于 0 且不超过 24）、积分（可省略，默认每小时 1 分）"
            );
        t.MapPut("/{id:guid}", UpdateTraining)
            .RequireAuthorization(manage)
            .WithName("UpdateVolunteerTraining")
            .ProducesChangeProblems()
            .WithSummary(
                "修改培训（须带 version，过期返回 409）：字段同新建；已登记出席的，已记入的时长和积分随之调整（每人每次培训只记一条，记入审计日志）"
            )
            .WithDescription("已登记出席的培训不能更换举办单位，也不能改到将来的时间（409）。积分省略时按每小时 1 分重算。");
        t.MapGet("/mine", MyTrainings)
            .RequireAuthorization()
            .WithName("MyVolunteerTrainings")
            .WithSummary("本人（义警）参加过的培训和取得的结业证书编号");
        t.MapGet("/{id:guid}", GetTraining)
            .RequireAuthorization(read)
            .WithName("GetVolunteerTraining")
            .ProducesRecordProblems()
            .WithSummary("培训详情和出席登记");
        t.MapGet("/{id:guid}/roster", Roster)
            .RequireAuthorization(manage)
            .WithName("VolunteerTrainingRoster")
            .ProducesQueryProblems()
            .WithSummary("可登记出席的义警（本培训举办单位及下级的已入队义警，分页，可按姓名搜索），附已登记情况");
        t.MapPost("/{id:guid}/attendance", RecordAttendance)
            .RequireAuthorization(manage)
            .WithName("RecordVolunteerTrainingAttendance")
            .ProducesChangeProblems()
            .WithSummary(
                "批量登记出席和考核（一次最多 500 人）：出席即记入培训时长和积分，同一人同一培训只记一次；考核合格发结业证书（编号如 义警培训-2026-000123）"
            )
            .WithDescription("再次登记同一人会覆盖上次结果；改为未出席时收回该次培训的时长和积分，证书编号保留不再重复使用。");

        var h = api.MapGroup("/volunteers").WithTags("义警表彰与统计").ProducesSignInProblems();
        h.MapGet("/ranking", Ranking)
            .RequireAuthorization(read)
            .WithName("VolunteerRanking")
            .ProducesQueryProblems()
            .WithSummary(
                "年度排行（分页）：by=Hours 按服务时长（并列看积分）或 by=Points 按积分（并列看时长），两项都相同者名次相同；姓名脱敏"
            )
            .WithDescription("year 省略为今年，须在 2000 年到今年之间；orgUnitId 省略为本人全部管辖范围。只计入管辖范围内的义警。");
        h.MapGet("/ranking/export", ExportRanking)
            .RequireAuthorization(export)
            .WithName("ExportVolunteerRanking")
            .ProducesExport()
            .WithSummary("导出年度排行（Excel，记入审计日志）");
        h.MapGet("/credits", Credits)
            .RequireAuthorization(read)
            .WithName("ListVolunteerCredits")
            .ProducesQueryProblems()
            .WithSummary("某义警某年度的时长积分明细（分页）");
        h.MapPost("/credits", Adjust)
            .RequireAuthorization(manage)
            .WithName("AdjustVolunteerCredit")
            .ProducesCreateProblems()
            .WithSummary("人工调整时长和积分（可为负数），必须写明原因，记入审计日志");
        h.MapGet("/figures", Figures)
            .RequireAuthorization(read)
            .WithName("VolunteerFigures")
            .ProducesQueryProblems()
            .WithSummary(
                "义警统计：在册、活跃、新增义警，服务时长、积分，开展活动次数和参与人次，培训人次，线索记分次数；按下级单位和中队分列"
            )
            .WithDescription(
                "活跃义警的口径由配置 Volunteers:Active 决定，返回的 activeDefinition 给出当前口径。日期按北京时间，含首尾两日；from、to 省略为本年至今。"
            );
        h.MapGet("/figures/export", ExportFigures)
            .RequireAuthorization(export)
            .WithName("ExportVolunteerFigures")
            .ProducesExport()
            .WithSummary("导出义警统计（Excel，记入审计日志）");
    }

    public sealed record AdjustResult(CreditView Credit);

    private static async Task<Ok<PagedResult<TrainingRow>>> ListTrainings(
        [AsParameters] TrainingFilter filter,
        [AsParameters] PageQuery page,
        TrainingService trainings,
        CancellationToken ct
    ) => TypedResults.Ok(await trainings.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Created<TrainingDetail>> CreateTraining(TrainingInput input, TrainingService trainings, CancellationToken ct)
    {
        var s = await trainings.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/volunteers/trainings/{s.Id}", await trainings.GetAsync(s.Id, ct));
    }

    private static async Task<Ok<TrainingDetail>> UpdateTraining(
        Guid id,
        TrainingUpdateInput input,
        TrainingService trainings,
        CancellationToken ct
    )
    {
        await trainings.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await trainings.GetAsync(id, ct));
    }

    private static async Task<Ok<IReadOnlyList<MyTraining>>> MyTrainings(TrainingService trainings, CancellationToken ct) =>
        TypedResults.Ok(await trainings.MineAsync(ct));

    private static async Task<Ok<TrainingDetail>> GetTraining(Guid id, TrainingService trainings, CancellationToken ct) =>
        TypedResults.Ok(await trainings.GetAsync(id, ct));

    private static async Task<Ok<PagedResult<RosterRow>>> Roster(
        Guid id,
        string? q,
        [AsParameters] PageQuery page,
        TrainingService trainings,
        CancellationToken ct
    ) => TypedResults.Ok(await trainings.RosterAsync(id, q, page.ToRequest(), ct));

    private static async Task<Ok<TrainingDetail>> RecordAttendance(
        Guid id,
        AttendanceInput input,
        TrainingService trainings,
        CancellationToken ct
    ) => TypedResults.Ok(await trainings.RecordAttendanceAsync(id, input, ct));

    private static int YearOrNow(int? year) => year ?? ChinaTime.Day(DateTimeOffset.UtcNow).Year;

    private static async Task<Ok<RankingResult>> Ranking(
        int? year,
        RankingOrder? by,
        Guid? orgUnitId,
        [AsParameters] PageQuery page,
        HonourService honours,
        CancellationToken ct
    ) => TypedResults.Ok(await honours.RankingAsync(YearOrNow(year), by ?? RankingOrder.Hours, orgUnitId, page.ToRequest(), ct));

    private static async Task<IResult> ExportRanking(
        int? year,
        RankingOrder? by,
        Guid? orgUnitId,
        HonourService honours,
        CancellationToken ct
    )
    {
        var y = YearOrNow(year);
        var order = by ?? RankingOrder.Hours;
        var rows = await honours.ExportRankingAsync(y, order, orgUnitId, ExcelExport.MaxRows, ct);
        return await ExcelExport.FileAsync(
            rows,
            $"义警{y}年{(order == RankingOrder.Points ? "积分" : "时长")}排行",
            ("名次", r => r.Rank),
            ("姓名", r => r.Name),
            ("所在单位", r => r.UnitName),
            ("服务时长（小时）", r => r.Hours),
            ("积分", r => r.Points)
        );
    }

    private static async Task<Ok<PagedResult<CreditView>>> Credits(
        Guid volunteerId,
        int? year,
        [AsParameters] PageQuery page,
        HonourService honours,
        CancellationToken ct
    ) => TypedResults.Ok(await honours.CreditsAsync(volunteerId, YearOrNow(year), page.ToRequest(), ct));

    private static async Task<Created<CreditView>> Adjust(CreditAdjustmentInput input, HonourService honours, CancellationToken ct)
    {
        var credit = await honours.AdjustAsync(input, ct);
        return TypedResults.Created($"/api/v1/volunteers/credits?volunteerId={credit.VolunteerId}", credit);
    }

    private static async Task<Ok<VolunteerFigures>> Figures(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        VolunteerFigureService figures,
        CancellationToken ct
    ) => TypedResults.Ok(await figures.GetAsync(orgUnitId, from, to, ct));

    private static async Task<IResult> ExportFigures(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        VolunteerFigureService figures,
        CancellationToken ct
    )
    {
        var f = await figures.ExportAsync(orgUnitId, from, to, ct);
        var lines = new List<(string Part, VolunteerFigureRow Row)>
        {
            ("合计", new VolunteerFigureRow(f.OrgUnitId, f.UnitName, "", f.Total)),
        };
        lines.AddRange(f.Units.Select(u => ("单位", u)));
        lines.AddRange(f.Squads.Select(s => ("中队", s)));
        return await ExcelExport.FileAsync(
            lines,
            $"义警统计{f.From:yyyyMMdd}-{f.To:yyyyMMdd}",
            ("分类", l => l.Part),
            ("名称", l => l.Row.Name),
            ("类型", l => l.Row.Kind),
            ("在册义警", l => l.Row.Figures.Registered),
            ("活跃义警", l => l.Row.Figures.Active),
            ("新增义警", l => l.Row.Figures.New),
            ("服务时长（小时）", l => l.Row.Figures.Hours),
            ("积分", l => l.Row.Figures.Points),
            ("开展活动（次）", l => l.Row.Figures.Activities),
            ("参与活动（人次）", l => l.Row.Figures.ActivityTurns),
            ("参加培训（人次）", l => l.Row.Figures.TrainingTurns),
            ("线索记分（次）", l => l.Row.Figures.TipsCredited),
            ("统计区间", _ => $"{f.From:yyyy-MM-dd} 至 {f.To:yyyy-MM-dd}"),
            ("活跃口径", _ => f.ActiveDefinition)
        );
    }
}
