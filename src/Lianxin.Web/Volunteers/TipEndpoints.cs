using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Volunteers;

public static class TipEndpoints
{
    public static void MapTipApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/volunteers/tips").WithTags("线索").ProducesSignInProblems();
        var handle = PermissionPolicyProvider.PolicyFor(Permissions.TipsHandle);
        g.MapGet("/categories", Categories).WithName("ListTipCategories").WithSummary("线索类别（字典 tip-category）");
        g.MapPost("/", Send)
            .Idempotent()
            .WithName("SendTip")
            .ProducesCreateProblems()
            .WithSummary("提交线索（登录的义警或群众）；anonymous=true 时不保留任何身份信息，本人仍可在“我的线索”中查看结果")
            .WithDescription("未登录群众请在手机页面 /m/tips/new 提交，提交后获得一次性查询码。");
        g.MapGet("/mine", Mine).WithName("ListMyTips").ProducesInputProblems().WithSummary("我提交的线索及处理结果（分页）");
        g.MapGet("/mine/{id:guid}", MineOne).WithName("GetMyTip").ProducesRecordProblems().WithSummary("我提交的一条线索及处理结果");
        g.MapPost("/{id:guid}/photos", AddPhoto)
            .WithName("AddTipPhoto")
            .ProducesUploadProblems()
            .ProducesChangeProblems()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoStore.MaxBytes + 256 * 1024))
            .WithSummary(
                $"给本人待研判的线索加一张照片（multipart/form-data，字段名 photo；JPG/PNG/WebP，不超过 {Uploads.Size(PhotoStore.MaxBytes)}，"
                    + $"最多 {TipService.MaxPhotos} 张）"
            );
        g.MapGet("/{id:guid}/photos/{photoId:guid}", Photo)
            .WithName("GetTipPhoto")
            .WithSummary("线索照片（办理人员或提交人本人）")
            .ProducesRecordProblems()
            .ProducesFile(Downloads.PhotoTypes);
        g.MapGet("/", List)
            .RequireAuthorization(handle)
            .WithName("ListTips")
            .ProducesQueryProblems()
            .WithSummary("线索台账（分页）：按状态、类别、处置方式、来源、单位、日期过滤；举报人姓名脱敏，匿名线索无举报人信息");
        g.MapGet("/export", Export)
            .RequireAuthorization(handle)
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.VolunteersExport))
            .WithName("ExportTips")
            .ProducesExport()
            .WithSummary("导出线索台账（Excel，记入审计日志）");
        g.MapGet("/figures", Figures)
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.VolunteersRead))
            .WithName("TipFigures")
            .ProducesQueryProblems()
            .WithSummary(
                "线索统计：收到、办理中、已处置、不予采纳、转警情/案件/纠纷、隐患整改，按发生单位分列（日期按北京时间，含首尾两日）"
            );
        g.MapGet("/{id:guid}", Get)
            .RequireAuthorization(handle)
            .WithName("GetTip")
            .ProducesRecordProblems()
            .WithSummary("线索详情（举报人脱敏）");
        g.MapPost("/{id:guid}/sender/reveal", Reveal)
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal))
            .RequireAuthorization(handle)
            .WithName("RevealTipSender")
            .ProducesQueryProblems()
            .WithSummary("查看举报人姓名和电话（记入审计日志；匿名线索无可查看的信息）");
        g.MapPost("/{id:guid}/check", Check)
            .RequireAuthorization(handle)
            .WithName("CheckTip")
            .WithSummary("研判后开始核查（note 可选）；须带 version")
            .ProducesChangeProblems();
        g.MapPost("/{id:guid}/dismiss", Dismiss)
            .RequireAuthorization(handle)
            .WithName("DismissTip")
            .ProducesChangeProblems()
            .WithSummary("不予采纳（须写 reason，提交人可见）；须带 version");
        g.MapPost("/{id:guid}/act", Act)
            .RequireAuthorization(handle)
            .WithName("ActOnTip")
            .ProducesChangeProblems()
            .WithSummary(
                "处置：outcome=Incident 转警情、Case 立治安案件、Dispute 转矛盾纠纷（一步创建并关联）、HazardFixed 隐患已整改、Other 其他（须写 outcomeText）；须带 version"
            )
            .WithDescription("创建警情、案件、纠纷分别需要相应的登记权限。义警提交的线索被处置时按设置计积分，每条线索一次。");
        g.MapPost("/{id:guid}/close", Close)
            .RequireAuthorization(handle)
            .WithName("CloseTip")
            .ProducesChangeProblems()
            .WithSummary("向提交人反馈结果并办结（须写 feedback）；须带 version");
        // Without an account: the one-time query code is the only key. Unknown codes are 404 and limited per address.
        api.MapPost("/public/tips/lookup", Lookup)
            .AllowAnonymous()
            .WithTags("线索")
            .WithName("LookupTipByCode")
            .ProducesQueryProblems()
            .ProducesAnonymousProblems()
            .WithSummary("凭查询码查看匿名线索的处理结果（未登录可用；查询码错误返回 404，同一地址连续错误过多返回 429）");
    }

    private static async Task<Ok<IReadOnlyList<Category>>> Categories(TipService tips, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<Category>>((await tips.CategoriesAsync(ct)).Select(c => new Category(c.Code, c.Name)).ToList());

    public sealed record Category(string Code, string Name);

    private static async Task<Created<TipSubmitted>> Send(TipInput input, TipService tips, CancellationToken ct)
    {
        var sent = await tips.SendAsync(input, null, ct);
        return TypedResults.Created($"/api/v1/volunteers/tips/mine/{sent.Id}", sent);
    }

    private static async Task<Ok<PagedResult<TipOutcomeView>>> Mine([AsParameters] PageQuery page, TipService tips, CancellationToken ct) =>
        TypedResults.Ok(await tips.MineAsync(page.ToRequest(), ct));

    private static async Task<Ok<TipOutcomeView>> MineOne(Guid id, TipService tips, CancellationToken ct) =>
        TypedResults.Ok(await tips.MineGetAsync(id, ct));

    public sealed record PhotoAdded(Guid Id);

    private static async Task<Created<PhotoAdded>> AddPhoto(Guid id, HttpRequest request, TipService tips, CancellationToken ct)
    {
        var (file, _) = await Uploads.SingleAsync(request, Uploads.Photo, ct);
        await using var stream = file.OpenReadStream();
        var photoId = await tips.AddPhotoAsync(id, file.FileName, stream, ct);
        return TypedResults.Created($"/api/v1/volunteers/tips/{id}/photos/{photoId}", new PhotoAdded(photoId));
    }

    private static async Task<IResult> Photo(Guid id, Guid photoId, HttpContext http, TipService tips, CancellationToken ct)
    {
        var (photo, data) = await tips.PhotoAsync(id, photoId, ct);
        return Downloads.Sandboxed(http, data, photo.ContentType);
    }

    private static async Task<Ok<PagedResult<TipRow>>> List(
        [AsParameters] TipFilter filter,
        [AsParameters] PageQuery page,
        TipService tips,
        CancellationToken ct
    ) => TypedResults.Ok(await tips.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<IResult> Export(
        [AsParameters] TipFilter filter,
        TipService tips,
        Lianxin.Core.Dictionaries.DictionaryService dictionaries,
        CancellationToken ct
    )
    {
        var rows = await tips.ExportAsync(filter, ExcelExport.MaxRows, ct);
        var category = await DictionaryLabels.OfAsync(dictionaries, TipService.CategoryDictionary, ct);
        return await ExcelExport.FileAsync(
            rows,
            "线索台账",
            ("编号", r => r.Number),
            ("类别", r => category(r.CategoryCode)),
            ("状态", r => r.StatusLabel),
            ("发生单位", r => r.OrgUnitName),
            ("地点", r => r.Address),
            ("内容", r => r.Body),
            ("来源", r => r.Sender),
            ("处置", r => r.OutcomeLabel),
            ("提交时间", r => ChinaTime.Format(r.CreatedAt)),
            ("办结时间", r => r.ClosedAt is { } c ? ChinaTime.Format(c) : null)
        );
    }

    private static async Task<Ok<TipFigures>> Figures(
        Guid? orgUnitId,
        DateOnly? from,
        DateOnly? to,
        TipService tips,
        CancellationToken ct
    ) => TypedResults.Ok(await tips.FiguresAsync(orgUnitId, from, to, ct));

    private static async Task<Ok<TipDetail>> Get(Guid id, TipService tips, CancellationToken ct) =>
        TypedResults.Ok(await tips.GetAsync(id, ct));

    public sealed record RevealInput(string? Reason);

    private static async Task<Ok<RevealedSender>> Reveal(Guid id, RevealInput? input, TipService tips, CancellationToken ct) =>
        TypedResults.Ok(await tips.RevealSenderAsync(id, input?.Reason, ct));

    private static async Task<Ok<TipDetail>> Check(Guid id, TipStepInput input, TipService tips, CancellationToken ct)
    {
        await tips.StartCheckingAsync(id, input, ct);
        return TypedResults.Ok(await tips.GetAsync(id, ct));
    }

    private static async Task<Ok<TipDetail>> Dismiss(Guid id, TipStepInput input, TipService tips, CancellationToken ct)
    {
        await tips.DismissAsync(id, input, ct);
        return TypedResults.Ok(await tips.GetAsync(id, ct));
    }

    private static async Task<Ok<TipDetail>> Act(Guid id, TipStepInput input, TipService tips, CancellationToken ct)
    {
        await tips.ActAsync(id, input, ct);
        return TypedResults.Ok(await tips.GetAsync(id, ct));
    }

    private static async Task<Ok<TipDetail>> Close(Guid id, TipStepInput input, TipService tips, CancellationToken ct)
    {
        await tips.CloseAsync(id, input, ct);
        return TypedResults.Ok(await tips.GetAsync(id, ct));
    }

    public sealed record LookupInput(string? Code);

    private static async Task<Ok<TipOutcomeView>> Lookup(LookupInput? input, TipService tips, CancellationToken ct) =>
        TypedResults.Ok(await tips.LookupAsync(input?.Code, ct));
}
