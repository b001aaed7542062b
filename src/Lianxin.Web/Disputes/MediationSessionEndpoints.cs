using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Organization;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Disputes;

/// <summary>Mediation sessions of a dispute, counselling records and the forces to invite per category.</summary>
public static class MediationSessionEndpoints
{
    public static void MapMediationSessionApi(this RouteGroupBuilder api)
    {
        var read = PermissionPolicyProvider.PolicyFor(Permissions.DisputesRead);
        var mediate = PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate);

        var s = api.MapGroup("/disputes/{id:guid}").WithTags("调解记录").RequireAuthorization(read).ProducesSignInProblems();
        s.MapGet("/sessions", ListSessions)
            .WithName("ListMediationSessions")
            .ProducesQueryProblems()
            .WithSummary("纠纷的调解记录（分页，最近的在前）");
        s.MapGet("/sessions/{sessionId:guid}", GetSession)
            .WithName("GetMediationSession")
            .ProducesRecordProblems()
            .WithSummary("一次调解的记录");
        s.MapPost("/sessions", CreateSession)
            .Idempotent()
            .RequireAuthorization(mediate)
            .WithName("CreateMediationSession")
            .ProducesChangeProblems()
            .WithSummary("计划一次调解；带 outcome（调解结果）时直接记录为已召开")
            .WithDescription(
                "只有在办的纠纷可以安排或记录调解。须填写地点或视频链接（http/https）和至少一位调解人员；调解人员从本辖区人员库中选择（memberId），或填写外部人员的姓名和单位。"
            );
        s.MapPut("/sessions/{sessionId:guid}", UpdateSession)
            .RequireAuthorization(mediate)
            .WithName("UpdateMediationSession")
            .ProducesChangeProblems()
            .WithSummary("记录调解情况和结果（带 outcome），或修改尚未召开的计划；须带 version")
            .WithDescription("调解结果不会自动改变纠纷状态；未达成时请在纠纷上执行“记录本级未成”或“升级调解”。");
        s.MapPost("/sessions/{sessionId:guid}/cancel", CancelSession)
            .RequireAuthorization(mediate)
            .WithName("CancelMediationSession")
            .ProducesChangeProblems()
            .WithSummary("取消尚未召开的调解，须填写原因并带 version");
        s.MapGet("/suggested-forces", Suggest)
            .WithName("SuggestedForces")
            .WithSummary("按纠纷类别推荐邀请的调解力量，以及本辖区内符合的人员")
            .ProducesRecordProblems();
        s.MapGet("/mediator-candidates", Candidates)
            .RequireAuthorization(mediate)
            .WithName("MediatorCandidates")
            .ProducesQueryProblems()
            .WithSummary("可选为调解人员的本辖区人员（按姓名或单位、类别查找）");

        var c = api.MapGroup("/counselling").WithTags("心理疏导").RequireAuthorization(read).ProducesSignInProblems();
        c.MapGet("/", ListCounselling)
            .WithName("ListCounselling")
            .WithSummary("心理疏导记录（分页，可按纠纷或群众过滤）；无调解权限者看不到疏导内容")
            .ProducesQueryProblems();
        c.MapGet("/{id:guid}", GetCounselling).WithName("GetCounselling").ProducesRecordProblems().WithSummary("一条心理疏导记录");
        c.MapPost("/", CreateCounselling)
            .Idempotent()
            .RequireAuthorization(mediate)
            .WithName("CreateCounselling")
            .ProducesCreateProblems()
            .WithSummary("登记心理疏导（关联纠纷或群众，至少一项）；返回内容不含疏导情况，请用 GET 读取");
        c.MapPut("/{id:guid}", UpdateCounselling)
            .RequireAuthorization(mediate)
            .WithName("UpdateCounselling")
            .WithSummary("修改心理疏导记录，须带 version")
            .ProducesChangeProblems();

        var f = api.MapGroup("/dispute-forces")
            .WithTags("推荐调解力量")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DictionariesManage))
            .ProducesSignInProblems();
        f.MapGet("/", ListForces).WithName("ListDisputeForces").WithSummary("各纠纷类别的推荐调解力量（未设置的类别显示默认值）");
        f.MapPut("/{category}", SaveForces)
            .WithName("SaveDisputeForces")
            .ProducesChangeProblems()
            .WithSummary("整体替换一个类别的推荐力量；须带 version（仍为默认值时为 0）");
    }

    private static async Task<Ok<PagedResult<SessionView>>> ListSessions(
        Guid id,
        [AsParameters] PageQuery page,
        MediationSessionService sessions,
        CancellationToken ct
    ) => TypedResults.Ok(await sessions.ListAsync(id, page.ToRequest(), ct));

    private static async Task<Ok<SessionView>> GetSession(
        Guid id,
        Guid sessionId,
        MediationSessionService sessions,
        CancellationToken ct
    ) => TypedResults.Ok(await sessions.GetAsync(id, sessionId, ct));

    private static async Task<Created<SessionView>> CreateSession(
        Guid id,
        SessionInput input,
        MediationSessionService sessions,
        CancellationToken ct
    )
    {
        var session = await sessions.CreateAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/disputes/{id}/sessions/{session.Id}", SessionView.From(session));
    }

    private static async Task<Ok<SessionView>> UpdateSession(
        Guid id,
        Guid sessionId,
        SessionInput input,
        MediationSessionService sessions,
        CancellationToken ct
    ) => TypedResults.Ok(SessionView.From(await sessions.UpdateAsync(id, sessionId, input, ct)));

    private static async Task<Ok<SessionView>> CancelSession(
        Guid id,
        Guid sessionId,
        SessionCancelInput input,
        MediationSessionService sessions,
        CancellationToken ct
    ) => TypedResults.Ok(SessionView.From(await sessions.CancelAsync(id, sessionId, input, ct)));

    private static async Task<Ok<SuggestedForcesView>> Suggest(Guid id, MediationSessionService sessions, CancellationToken ct) =>
        TypedResults.Ok(await sessions.SuggestAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<MemberOption>>> Candidates(
        Guid id,
        string? q,
        MemberKind? kind,
        MediationSessionService sessions,
        CancellationToken ct
    ) => TypedResults.Ok(await sessions.CandidatesAsync(id, q, kind, ct));

    private static async Task<Ok<PagedResult<CounsellingView>>> ListCounselling(
        [AsParameters] CounsellingFilter filter,
        [AsParameters] PageQuery page,
        CounsellingService counselling,
        CancellationToken ct
    ) => TypedResults.Ok(await counselling.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<CounsellingView>> GetCounselling(Guid id, CounsellingService counselling, CancellationToken ct) =>
        TypedResults.Ok(await counselling.GetAsync(id, ct));

    private static async Task<Created<CounsellingView>> CreateCounselling(
        CounsellingInput input,
        CounsellingService counselling,
        CancellationToken ct
    )
    {
        var session = await counselling.CreateAsync(input, ct);
        // The create response is stored for retries (Idempotency-Key), so it leaves the sensitive notes out.
        var view = await counselling.GetAsync(session.Id, ct) with { Summary = null, SummaryHidden = true };
        return TypedResults.Created($"/api/v1/counselling/{session.Id}", view);
    }

    private static async Task<Ok<CounsellingView>> UpdateCounselling(
        Guid id,
        CounsellingInput input,
        CounsellingService counselling,
        CancellationToken ct
    )
    {
        await counselling.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await counselling.GetAsync(id, ct));
    }

    private static async Task<Ok<IReadOnlyList<ForceListView>>> ListForces(DisputeForceService forces, CancellationToken ct) =>
        TypedResults.Ok(await forces.ListAsync(ct));

    private static async Task<Ok<ForceListView>> SaveForces(
        string category,
        ForceListInput input,
        DisputeForceService forces,
        CancellationToken ct
    ) => TypedResults.Ok(await forces.SaveAsync(category, input, ct));
}
