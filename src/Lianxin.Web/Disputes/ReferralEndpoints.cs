using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Lianxin.Web.Disputes.Public;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Disputes;

/// <summary>Referral (警调衔接): staff endpoints under a dispute, and the receiver's side behind a one-time
/// link — the JSON API under <c>/api/v1/public/referrals</c> and the phone page <c>/r/{token}</c> — which need
/// no account, are rate-limited per address, and answer the same 404 for any link that does not work.</summary>
public static class ReferralEndpoints
{
    public const string RateLimit = "referral-link";

    public static void MapReferralApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/disputes/{id:guid}/referrals")
            .WithTags("矛盾纠纷 · 移交")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRead))
            .ProducesSignInProblems();
        g.MapGet("/", List).WithName("ListReferrals").ProducesQueryProblems().WithSummary("纠纷的移交记录（分页），含签收、结果和是否逾期");
        g.MapPost("/", Create)
            .Idempotent()
            .WithName("CreateReferral")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("填写移交函并移交：接收单位类别和名称必填；纠纷转为“已移交”；须带纠纷的 version")
            .WithDescription("签收期限为 3 个工作日（中国日历）。联系电话加密保存，只显示脱敏号码。");
        g.MapPost("/{referralId:guid}/acknowledge", Acknowledge)
            .WithName("AcknowledgeReferral")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("民警代为登记接收单位签收（签收人姓名）；须带纠纷的 version");
        g.MapPost("/{referralId:guid}/result", Result)
            .WithName("RecordReferralResult")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("民警代为登记处理结果：已化解（纠纷转为化解并安排回访）、未化解或退回（纠纷退回本所重新分流）");
        g.MapPost("/{referralId:guid}/link", Link)
            .WithName("IssueReferralLink")
            .ProducesChangeProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate))
            .WithSummary("签发接收单位使用的一次性链接（30 天有效，重新签发则旧链接失效）；链接只返回这一次，记入审计日志");

        var p = api.MapGroup("/public/referrals/{token}")
            .WithTags("移交 · 接收单位（免登录）")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimit)
            .ProducesAnonymousProblems();
        p.MapGet("/", PublicGet)
            .WithName("GetReferralByLink")
            .WithSummary("凭链接查看移交函（身份证号、电话已脱敏）；无效、过期或已用的链接一律 404")
            .ProducesRecordProblems();
        p.MapPost("/acknowledge", PublicAcknowledge)
            .WithName("AcknowledgeReferralByLink")
            .WithSummary("接收单位凭链接签收（填写签收人姓名）")
            .ProducesChangeProblems();
        p.MapPost("/result", PublicResult)
            .WithName("ReportReferralResultByLink")
            .WithSummary("接收单位凭链接反馈处理结果；反馈后链接失效")
            .ProducesChangeProblems();
    }

    /// <summary>The receiver's phone page and its plain form posts (no script, no live connection).</summary>
    public static void MapReferralPages(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/r/{token}").AllowAnonymous().RequireRateLimiting(RateLimit).ExcludeFromDescription();
        g.MapGet("/", Page);
        // The link's token is the credential and sits in the path: a forged post from another site would
        // need the token already, so these anonymous forms carry no antiforgery token.
        g.MapPost("/acknowledge", FormAcknowledge).DisableAntiforgery();
        g.MapPost("/result", FormResult).DisableAntiforgery();
        app.MapGet("/r/done", () => new RazorComponentResult<ReferralReceiverPage>(new { Done = true }))
            .AllowAnonymous()
            .ExcludeFromDescription();
    }

    private static async Task<Ok<PagedResult<ReferralView>>> List(
        Guid id,
        [AsParameters] PageQuery page,
        ReferralService referrals,
        CancellationToken ct
    ) => TypedResults.Ok(await referrals.ListAsync(id, page.ToRequest(), ct));

    private static async Task<Created<ReferralView>> Create(Guid id, ReferralInput input, ReferralService referrals, CancellationToken ct)
    {
        var r = await referrals.CreateAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/disputes/{id}/referrals/{r.Id}", await referrals.GetAsync(id, r.Id, ct));
    }

    private static async Task<Ok<ReferralView>> Acknowledge(
        Guid id,
        Guid referralId,
        ReferralAcknowledgeInput input,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        await referrals.AcknowledgeAsync(id, referralId, input, ct);
        return TypedResults.Ok(await referrals.GetAsync(id, referralId, ct));
    }

    private static async Task<Ok<ReferralView>> Result(
        Guid id,
        Guid referralId,
        ReferralResultInput input,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        await referrals.RecordResultAsync(id, referralId, input, ct);
        return TypedResults.Ok(await referrals.GetAsync(id, referralId, ct));
    }

    public sealed record LinkResponse(string Url, DateTimeOffset ExpiresAt);

    private static async Task<Ok<LinkResponse>> Link(
        Guid id,
        Guid referralId,
        HttpRequest request,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        var link = await referrals.IssueLinkAsync(id, referralId, ct);
        return TypedResults.Ok(new LinkResponse($"{request.Scheme}://{request.Host}{request.PathBase}/r/{link.Token}", link.ExpiresAt));
    }

    public sealed record PublicAcknowledgeInput(string? ReceiverName);

    private static async Task<Ok<PublicReferralView>> PublicGet(string token, ReferralService referrals, CancellationToken ct) =>
        TypedResults.Ok(await referrals.GetByTokenAsync(token, ct));

    private static async Task<Ok<PublicReferralView>> PublicAcknowledge(
        string token,
        PublicAcknowledgeInput input,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        await referrals.AcknowledgeByTokenAsync(token, input.ReceiverName, ct);
        return TypedResults.Ok(await referrals.GetByTokenAsync(token, ct));
    }

    private static async Task<NoContent> PublicResult(
        string token,
        ReferralResultInput input,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        await referrals.RecordResultByTokenAsync(token, input, ct);
        return TypedResults.NoContent();
    }

    // ---- the phone page ----

    private static async Task<IResult> Page(
        string token,
        [FromQuery] string? error,
        [FromQuery] string? done,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        try
        {
            var view = await referrals.GetByTokenAsync(token, ct);
            return new RazorComponentResult<ReferralReceiverPage>(
                new
                {
                    Token = token,
                    View = view,
                    Error = error,
                    Acknowledged = done == "ack",
                }
            );
        }
        catch (NotFoundException)
        {
            return new RazorComponentResult<ReferralReceiverPage>(new { Gone = true }) { StatusCode = StatusCodes.Status404NotFound };
        }
    }

    private static async Task<IResult> FormAcknowledge(
        string token,
        [FromForm] string? receiverName,
        ReferralService referrals,
        CancellationToken ct
    ) => await FormStep(token, () => referrals.AcknowledgeByTokenAsync(token, receiverName, ct), $"/r/{token}?done=ack");

    private static async Task<IResult> FormResult(
        string token,
        [FromForm] string? receiverName,
        [FromForm] string? outcome,
        [FromForm] string? resultText,
        ReferralService referrals,
        CancellationToken ct
    )
    {
        ReferralOutcome? parsed = Enum.TryParse<ReferralOutcome>(outcome, out var o) && Enum.IsDefined(o) ? o : null;
        return await FormStep(
            token,
            () => referrals.RecordResultByTokenAsync(token, new ReferralResultInput(parsed, resultText, receiverName), ct),
            "/r/done"
        );
    }

    /// <summary>Post, then redirect: a refusal comes back to the page as a message; a dead link is the 404 page.</summary>
    private static async Task<IResult> FormStep(string token, Func<Task> step, string next)
    {
        try
        {
            await step();
            return Results.Redirect(next);
        }
        catch (ValidationFailedException v)
        {
            return Results.Redirect($"/r/{token}?error={Uri.EscapeDataString(string.Join("；", v.Errors.SelectMany(e => e.Value)))}");
        }
        catch (NotFoundException)
        {
            return new RazorComponentResult<ReferralReceiverPage>(new { Gone = true }) { StatusCode = StatusCodes.Status404NotFound };
        }
        catch (DomainException d)
        {
            return Results.Redirect($"/r/{token}?error={Uri.EscapeDataString(d.Message)}");
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return Results.Redirect($"/r/{token}?error={Uri.EscapeDataString("刚才有人同时提交，请刷新后再试")}");
        }
    }
}
