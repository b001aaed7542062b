using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Volunteers;

public static class ActivityEndpoints
{
    private const long ReportRequestLimit = PhotoStore.MaxBytes * PhotoStore.MaxPerOwner + 1024 * 1024;

    public static void MapActivityApi(this RouteGroupBuilder api)
    {
        var manage = PermissionPolicyProvider.PolicyFor(Permissions.VolunteersManage);
        var g = api.MapGroup("/volunteers/activities")
            .WithTags("义警活动")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.VolunteersRead))
            .ProducesSignInProblems();
        g.MapGet("/", List)
            .WithName("ListVolunteerActivities")
            .ProducesQueryProblems()
            .WithSummary("活动台账（分页）：按名称或地点、状态、类型、单位、开始日期（北京时间，含首尾两日）过滤");
        g.MapGet("/export", Export)
            .WithName("ExportVolunteerActivities")
            .ProducesExport()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.VolunteersExport))
            .WithSummary("导出活动台账（Excel，记入审计日志）");
        g.MapGet("/{id:guid}", Get)
            .WithName("GetVolunteerActivity")
            .ProducesRecordProblems()
            .WithSummary("活动详情：报名、候补、签到签退、记入的时长和积分");
        g.MapPost("/", Create)
            .Idempotent()
            .RequireAuthorization(manage)
            .WithName("CreateVolunteerActivity")
            .ProducesCreateProblems()
            .WithSummary("发布活动（publish=true 直接发布，否则存为草稿）：类型、名称、地点及可选坐标、起止时间、名额、所需技能、面向中队");
        g.MapPut("/{id:guid}", Update)
            .RequireAuthorization(manage)
            .WithName("UpdateVolunteerActivity")
            .ProducesChangeProblems()
            .WithSummary("修改活动（开始前；须带 version）；增加名额时候补依次转为待审核");
        g.MapPost("/{id:guid}/publish", Publish)
            .RequireAuthorization(manage)
            .WithName("PublishVolunteerActivity")
            .WithSummary("发布草稿；须带 version")
            .ProducesChangeProblems();
        g.MapPost("/{id:guid}/cancel", Cancel)
            .RequireAuthorization(manage)
            .WithName("CancelVolunteerActivity")
            .ProducesChangeProblems()
            .WithSummary("取消活动（须写原因；已报名和候补的义警收到通知）；须带 version");
        g.MapPost("/{id:guid}/finish", Finish)
            .RequireAuthorization(manage)
            .WithName("FinishVolunteerActivity")
            .ProducesChangeProblems()
            .WithSummary("结束活动：按签到签退记入服务时长和积分（每名义警每个活动一条记录）；未签退的按活动结束时间计；须带 version");
        g.MapPost("/{id:guid}/signups/{signupId:guid}/approve", Approve)
            .RequireAuthorization(manage)
            .WithName("ApproveActivitySignup")
            .WithSummary("通过报名")
            .ProducesChangeProblems();
        g.MapPost("/{id:guid}/signups/{signupId:guid}/decline", Decline)
            .RequireAuthorization(manage)
            .WithName("DeclineActivitySignup")
            .ProducesChangeProblems()
            .WithSummary("不通过报名（须写原因，义警收到通知）；空出的名额由候补依次补上");
        g.MapPost("/{id:guid}/signups/{signupId:guid}/checkin", StaffCheckIn)
            .RequireAuthorization(manage)
            .WithName("CheckInActivitySignup")
            .ProducesChangeProblems()
            .WithSummary("组织者确认签到（可带 at 补记实际时间，须在签到时间内）");
        g.MapPost("/{id:guid}/signups/{signupId:guid}/checkout", StaffCheckOut)
            .RequireAuthorization(manage)
            .WithName("CheckOutActivitySignup")
            .ProducesChangeProblems()
            .WithSummary("组织者确认签退（可带 at 补记实际时间，须在签退时间内）");

        // The volunteer's own side (mini-program and phone pages): any signed-in account; the service
        // admits only the account of an Active volunteer and only activities meant for them.
        var m = api.MapGroup("/volunteers/activities").WithTags("义警活动（义警本人）").ProducesSignInProblems();
        m.MapGet("/mine", Mine)
            .WithName("ListMyVolunteerActivities")
            .ProducesInputProblems()
            .WithSummary("适合我的活动（本单位及上级单位发布、面向我的中队或全体；未结束的，按开始时间），含我的报名状态和技能匹配");
        m.MapGet("/mine/hours", Hours).WithName("MyVolunteerHours").WithSummary("我的服务时长和积分（合计及最近记录）");
        m.MapGet("/mine/reports-due", ReportsDue)
            .WithName("MyVolunteerActivityReportsDue")
            .WithSummary(
                "待我写报道的活动：我作为中队长或副中队长参加、已结束、还没有报道的活动（最新的在前，最多 20 个）；不是中队长时为空"
            );
        m.MapGet("/mine/{id:guid}", MineOne)
            .WithName("GetMyVolunteerActivity")
            .ProducesRecordProblems()
            .WithSummary("一个适合我的活动及我的报名");
        m.MapPost("/{id:guid}/signup", SignUp)
            .WithName("SignUpForVolunteerActivity")
            .ProducesChangeProblems()
            .WithSummary("报名：开始前、仅限在册义警；名额满时进入候补；与我已报名（待审核或已通过）的活动时间冲突时拒绝");
        m.MapPost("/{id:guid}/signup/cancel", CancelSignup)
            .WithName("CancelMyActivitySignup")
            .ProducesChangeProblems()
            .WithSummary("取消我的报名（开始前）；候补第一位转为待审核并收到通知");
        m.MapPost("/{id:guid}/checkin", CheckIn)
            .WithName("CheckInToVolunteerActivity")
            .ProducesChangeProblems()
            .WithSummary("本人定位签到：报名已通过、开始前 30 分钟至结束之间、距集合点不超过设定距离（lat、lng）");
        m.MapPost("/{id:guid}/checkout", CheckOut)
            .WithName("CheckOutOfVolunteerActivity")
            .ProducesChangeProblems()
            .WithSummary("本人定位签退：开始至结束后 30 分钟之间、距集合点不超过设定距离");
        m.MapGet("/{id:guid}/report", Report)
            .WithName("GetVolunteerActivityReport")
            .WithSummary("活动报道（义警圈帖子）及其照片编号；没有时返回 204")
            .ProducesRecordProblems()
            .Produces<ReportView>()
            .Produces(StatusCodes.Status204NoContent);
        m.MapPost("/{id:guid}/report", WriteReport)
            .WithName("WriteVolunteerActivityReport")
            .ProducesUploadProblems()
            .ProducesChangeProblems()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ReportRequestLimit))
            .WithSummary(
                $"写活动报道（multipart/form-data：body 正文、title 可选、photos 照片最多 {PhotoStore.MaxPerOwner} 张，"
                    + $"jpg/png/webp 每张不超过 {Uploads.Size(PhotoStore.MaxBytes)}）"
            )
            .WithDescription(
                "活动结束后由组织者（有义警管理权限、在管辖范围内）或参加了活动的中队长、副中队长撰写；报道成为义警圈的活动报道帖，照片归属该帖。"
            );
        m.MapGet("/{id:guid}/photos/{photoId:guid}", Photo)
            .WithName("GetVolunteerActivityPhoto")
            .WithSummary("活动报道的照片")
            .ProducesRecordProblems()
            .ProducesFile(Downloads.PhotoTypes);
    }

    private static async Task<Ok<PagedResult<ActivityRow>>> List(
        [AsParameters] ActivityFilter filter,
        [AsParameters] PageQuery page,
        ActivityService activities,
        CancellationToken ct
    ) => TypedResults.Ok(await activities.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<ActivityDetail>> Get(Guid id, ActivityService activities, CancellationToken ct) =>
        TypedResults.Ok(await activities.GetAsync(id, ct));

    private static async Task<Created<ActivityDetail>> Create(ActivityInput input, ActivityService activities, CancellationToken ct)
    {
        var a = await activities.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/volunteers/activities/{a.Id}", await activities.GetAsync(a.Id, ct));
    }

    private static async Task<Ok<ActivityDetail>> Update(Guid id, ActivityInput input, ActivityService activities, CancellationToken ct)
    {
        await activities.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> Publish(Guid id, VersionInput input, ActivityService activities, CancellationToken ct)
    {
        await activities.PublishAsync(id, input, ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> Cancel(Guid id, ReasonInput input, ActivityService activities, CancellationToken ct)
    {
        await activities.CancelAsync(id, input, ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> Finish(Guid id, VersionInput input, ActivityService activities, CancellationToken ct)
    {
        await activities.FinishAsync(id, input, ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> Approve(Guid id, Guid signupId, ActivityService activities, CancellationToken ct)
    {
        await activities.ApproveAsync(id, signupId, ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> Decline(
        Guid id,
        Guid signupId,
        ReasonInput input,
        ActivityService activities,
        CancellationToken ct
    )
    {
        await activities.DeclineAsync(id, signupId, input, ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> StaffCheckIn(
        Guid id,
        Guid signupId,
        CheckInput? input,
        ActivityService activities,
        CancellationToken ct
    )
    {
        await activities.CheckInAsync(id, signupId, input ?? new CheckInput(), ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<Ok<ActivityDetail>> StaffCheckOut(
        Guid id,
        Guid signupId,
        CheckInput? input,
        ActivityService activities,
        CancellationToken ct
    )
    {
        await activities.CheckOutAsync(id, signupId, input ?? new CheckInput(), ct);
        return TypedResults.Ok(await activities.GetAsync(id, ct));
    }

    private static async Task<IResult> Export([AsParameters] ActivityFilter filter, ActivityService activities, CancellationToken ct)
    {
        var rows = await activities.ExportAsync(filter, ExcelExport.MaxRows, ct);
        static string Time(DateTimeOffset t) => t.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm");
        return await ExcelExport.FileAsync(
            rows,
            "义警活动台账",
            ("开始时间", r => Time(r.Row.StartsAt)),
            ("结束时间", r => Time(r.Row.EndsAt)),
            ("类型", r => r.Row.KindLabel),
            ("名称", r => r.Row.Title),
            ("集合地点", r => r.Row.Place),
            ("发布单位", r => r.Row.OrgUnitName),
            ("组织者", r => r.Row.OrganizerName),
            ("名额", r => r.Row.Quota),
            ("已通过", r => r.Row.Approved),
            ("待审核", r => r.Row.Pending),
            ("候补", r => r.Row.Waitlisted),
            ("状态", r => r.Row.StatusLabel),
            ("服务时长（小时）", r => Math.Round(r.Minutes / 60.0, 1))
        );
    }

    private static async Task<Ok<PagedResult<VolunteerActivityRow>>> Mine(
        [AsParameters] PageQuery page,
        VolunteerActivityService mine,
        CancellationToken ct
    ) => TypedResults.Ok(await mine.ListAsync(page.ToRequest(), ct));

    private static async Task<Ok<MyHours>> Hours(VolunteerActivityService mine, CancellationToken ct) =>
        TypedResults.Ok(await mine.HoursAsync(ct));

    private static async Task<Ok<VolunteerActivityRow>> MineOne(Guid id, VolunteerActivityService mine, CancellationToken ct) =>
        TypedResults.Ok(await mine.GetAsync(id, ct));

    private static async Task<Ok<VolunteerActivityRow>> SignUp(Guid id, VolunteerActivityService mine, CancellationToken ct) =>
        TypedResults.Ok(await mine.SignUpAsync(id, ct));

    private static async Task<Ok<VolunteerActivityRow>> CancelSignup(Guid id, VolunteerActivityService mine, CancellationToken ct) =>
        TypedResults.Ok(await mine.CancelAsync(id, ct));

    private static async Task<Ok<VolunteerActivityRow>> CheckIn(
        Guid id,
        CheckInput? input,
        VolunteerActivityService mine,
        CancellationToken ct
    ) => TypedResults.Ok(await mine.CheckInAsync(id, input ?? new CheckInput(), ct));

    private static async Task<Ok<VolunteerActivityRow>> CheckOut(
        Guid id,
        CheckInput? input,
        VolunteerActivityService mine,
        CancellationToken ct
    ) => TypedResults.Ok(await mine.CheckOutAsync(id, input ?? new CheckInput(), ct));

    private static async Task<Ok<IReadOnlyList<ReportDue>>> ReportsDue(ActivityReportService reports, CancellationToken ct) =>
        TypedResults.Ok(await reports.DueForMeAsync(ct: ct));

    private static async Task<IResult> Report(Guid id, ActivityReportService reports, CancellationToken ct) =>
        await reports.GetAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.NoContent();

    private static async Task<Created<ReportView>> WriteReport(
        Guid id,
        HttpRequest request,
        ActivityReportService reports,
        CancellationToken ct
    )
    {
        var form = await Uploads.FormAsync(request, "body", "请以 multipart/form-data 提交：body 为正文，photos 为照片", ct);
        if (form.Files.Any(f => f.Name != "photos"))
            throw new ValidationFailedException("photo", "照片的字段名须为 photos");
        var streams = new List<Stream>();
        try
        {
            var uploads = new List<PhotoUpload>();
            foreach (var f in form.Files)
            {
                var s = f.OpenReadStream();
                streams.Add(s);
                uploads.Add(new PhotoUpload(f.FileName, s));
            }
            var view = await reports.WriteAsync(id, new ReportInput(form["body"].ToString(), form["title"].ToString()), uploads, ct);
            return TypedResults.Created($"/api/v1/volunteers/activities/{id}/report", view);
        }
        finally
        {
            foreach (var s in streams)
                await s.DisposeAsync();
        }
    }

    private static async Task<IResult> Photo(Guid id, Guid photoId, HttpContext http, ActivityReportService reports, CancellationToken ct)
    {
        var (photo, data) = await reports.PhotoAsync(id, photoId, ct);
        return Downloads.Sandboxed(http, data, photo.ContentType, cacheControl: "private, max-age=3600");
    }
}
