using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Lianxin.Web.Organization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Volunteers;

/// <summary>The volunteer registry and squads: applying and one's own record for any signed-in account (a future
/// mini-program uses the same routes), review, registry and squads for staff with the volunteer rights.</summary>
public static class VolunteerEndpoints
{
    public sealed record ReviewInput(string? Reason, long? Version);

    public sealed record UnitOption(Guid Id, string Name);

    public static void MapVolunteerApi(this RouteGroupBuilder api)
    {
        var read = PermissionPolicyProvider.PolicyFor(Permissions.VolunteersRead);
        var manage = PermissionPolicyProvider.PolicyFor(Permissions.VolunteersManage);
        var g = api.MapGroup("/volunteers").WithTags("义警").ProducesSignInProblems();
        g.MapGet("/me", Mine)
            .WithName("MyVolunteerRecord")
            .WithSummary("本人的义警记录：申请状态（未通过、暂停、退出时含原因）、所在中队、时长和积分；从未申请时 hasRecord 为 false");
        g.MapGet("/me/units", ApplicationUnits)
            .WithName("VolunteerApplicationUnits")
            .WithSummary("申请时可选的所在村（社区）：本人账号所属派出所辖区内的村和社区，以及账号本身所属单位");
        g.MapPost("/apply", Apply)
            .Idempotent()
            .WithName("ApplyAsVolunteer")
            .ProducesCreateProblems()
            .WithSummary(
                "申请加入义警（本人）：姓名、性别、电话、身份证号（可不填）、所在村（社区）、特长（字典 volunteer-skill）、可服务时间、申请说明"
            )
            .WithDescription("每个账号只能有一份待审核的申请，重复提交返回 409；未通过或已退出后可重新申请。");
        g.MapGet("/", List)
            .RequireAuthorization(read)
            .WithName("ListVolunteers")
            .ProducesQueryProblems()
            .WithSummary("义警名册（分页，待审核的排在最前）：按状态、所在单位、特长、中队、警务助理类别、姓名或电话过滤；电话脱敏");
        g.MapPost("/", Register)
            .Idempotent()
            .RequireAuthorization(manage)
            .WithName("RegisterVolunteer")
            .ProducesCreateProblems()
            .WithSummary(
                "民警登记义警（不用手机的人）：姓名、性别、电话（必填）、身份证号（可不填，填则校验）、所在单位、特长、可服务时间、警务助理类别、备注；登记后即为在册，不关联账号"
            )
            .WithDescription(
                "同一派出所名册中已有相同电话或身份证号的返回 409。本人日后用手机申请时，若账号手机号与登记的电话相同，申请将关联到这条记录，不另建记录。"
            );
        g.MapGet("/export", Export)
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.VolunteersExport))
            .WithName("ExportVolunteers")
            .ProducesExport()
            .WithSummary("导出义警名册（Excel，电话脱敏，记入审计日志）");
        g.MapGet("/{id:guid}", Get)
            .RequireAuthorization(read)
            .WithName("GetVolunteer")
            .ProducesRecordProblems()
            .WithSummary("义警详情：资料（脱敏）、状态历史、所在中队、时长和积分、当前可执行的操作");
        g.MapPost("/{id:guid}/accept", Accept)
            .RequireAuthorization(manage)
            .WithName("AcceptVolunteer")
            .ProducesChangeProblems()
            .WithSummary("审核通过申请（须带 version）：状态改为在册，账号获得义警角色，申请人收到通知");
        g.MapPost("/{id:guid}/decline", Decline)
            .RequireAuthorization(manage)
            .WithName("DeclineVolunteer")
            .ProducesChangeProblems()
            .WithSummary("不予通过（须写原因、带 version）：申请人可看到原因");
        g.MapPost("/{id:guid}/status", ChangeStatus)
            .RequireAuthorization(manage)
            .WithName("ChangeVolunteerStatus")
            .ProducesChangeProblems()
            .WithSummary(
                "变更状态：Accept、Decline、Suspend（暂停）、Reinstate（恢复）、Retire（退出）；不予通过、暂停、退出须写原因；须带 version"
            )
            .WithDescription(
                "暂停或退出时账号失去义警角色，已登录的会话随即失效；恢复时重新获得。不允许的变更返回 409 并说明当前可做什么。"
            );
        g.MapPut("/{id:guid}", UpdateProfile)
            .RequireAuthorization(manage)
            .WithName("UpdateVolunteer")
            .ProducesChangeProblems()
            .WithSummary(
                "修改义警资料：特长、可服务时间、所在单位、警务助理类别（字典 assistant-kind，空为非警务助理）、备注；须带 version"
            );
        g.MapPost("/{id:guid}/reveal", Reveal)
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal))
            .RequireAuthorization(manage)
            .WithName("RevealVolunteer")
            .ProducesQueryProblems()
            .WithSummary("查看完整电话和身份证号（需义警管理权限，记入审计日志）");

        var s = g.MapGroup("/squads").WithTags("义警中队");
        s.MapGet("/", ListSquads)
            .RequireAuthorization(read)
            .WithName("ListSquads")
            .ProducesQueryProblems()
            .WithSummary("中队列表（分页）：按名称或合作企业、类型（字典 squad-type）、单位、是否在用过滤");
        s.MapGet("/{id:guid}", GetSquad)
            .RequireAuthorization(read)
            .WithName("GetSquad")
            .WithSummary("中队详情和队员（电话脱敏）")
            .ProducesRecordProblems();
        s.MapPost("/", CreateSquad)
            .Idempotent()
            .RequireAuthorization(manage)
            .WithName("CreateSquad")
            .ProducesCreateProblems()
            .WithSummary("新建中队；联防（企业）类须填合作企业和协议起止日期（开始不晚于结束）");
        s.MapPut("/{id:guid}", UpdateSquad)
            .RequireAuthorization(manage)
            .WithName("UpdateSquad")
            .WithSummary("修改中队，须带 version")
            .ProducesChangeProblems();
        s.MapPost("/{id:guid}/deactivate", DeactivateSquad)
            .RequireAuthorization(manage)
            .WithName("DeactivateSquad")
            .ProducesChangeProblems()
            .WithSummary("撤销中队（队员保留，可恢复），须带 version");
        s.MapPost("/{id:guid}/activate", ActivateSquad)
            .RequireAuthorization(manage)
            .WithName("ActivateSquad")
            .WithSummary("恢复已撤销的中队，须带 version")
            .ProducesChangeProblems();
        s.MapGet("/{id:guid}/candidates", Candidates)
            .RequireAuthorization(manage)
            .WithName("SquadCandidates")
            .ProducesQueryProblems()
            .WithSummary("可编入该中队的在册义警（最多 50 人，可按姓名搜索）");
        s.MapPost("/{id:guid}/members", AddMember)
            .RequireAuthorization(manage)
            .WithName("AddSquadMember")
            .ProducesChangeProblems()
            .WithSummary("编入队员：只能是管辖范围内的在册义警；职务 Member、DeputyLeader、Leader，每队至多一名队长");
        s.MapPut("/{id:guid}/members/{memberId:guid}", SetMemberRole)
            .RequireAuthorization(manage)
            .WithName("SetSquadMemberRole")
            .ProducesChangeProblems()
            .WithSummary("调整队内职务（每队至多一名队长）");
        s.MapDelete("/{id:guid}/members/{memberId:guid}", RemoveMember)
            .RequireAuthorization(manage)
            .WithName("RemoveSquadMember")
            .ProducesChangeProblems()
            .WithSummary("移出队员");
    }

    private static async Task<Ok<MyVolunteerView>> Mine(VolunteerService volunteers, CancellationToken ct) =>
        TypedResults.Ok(await volunteers.MineAsync(ct));

    private static async Task<Ok<List<UnitOption>>> ApplicationUnits(VolunteerService volunteers, CancellationToken ct) =>
        TypedResults.Ok((await volunteers.ApplicationUnitsAsync(ct)).Select(u => new UnitOption(u.Id, u.Name)).ToList());

    private static async Task<Created<MyVolunteerView>> Apply(VolunteerApplication input, VolunteerService volunteers, CancellationToken ct)
    {
        await volunteers.ApplyAsync(input, ct);
        return TypedResults.Created("/api/v1/volunteers/me", await volunteers.MineAsync(ct));
    }

    private static async Task<Created<VolunteerDetail>> Register(
        VolunteerRegistration input,
        VolunteerService volunteers,
        CancellationToken ct
    )
    {
        var v = await volunteers.RegisterAsync(input, ct);
        return TypedResults.Created($"/api/v1/volunteers/{v.Id}", await volunteers.GetAsync(v.Id, ct));
    }

    private static async Task<Ok<PagedResult<VolunteerRow>>> List(
        [AsParameters] VolunteerFilter filter,
        [AsParameters] PageQuery page,
        VolunteerService volunteers,
        CancellationToken ct
    ) => TypedResults.Ok(await volunteers.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<VolunteerDetail>> Get(Guid id, VolunteerService volunteers, CancellationToken ct) =>
        TypedResults.Ok(await volunteers.GetAsync(id, ct));

    private static async Task<Ok<VolunteerDetail>> Accept(Guid id, ReviewInput? input, VolunteerService volunteers, CancellationToken ct) =>
        await Step(id, new VolunteerStatusInput(VolunteerAction.Accept, input?.Reason, input?.Version), volunteers, ct);

    private static async Task<Ok<VolunteerDetail>> Decline(
        Guid id,
        ReviewInput? input,
        VolunteerService volunteers,
        CancellationToken ct
    ) => await Step(id, new VolunteerStatusInput(VolunteerAction.Decline, input?.Reason, input?.Version), volunteers, ct);

    private static async Task<Ok<VolunteerDetail>> ChangeStatus(
        Guid id,
        VolunteerStatusInput input,
        VolunteerService volunteers,
        CancellationToken ct
    ) => await Step(id, input, volunteers, ct);

    private static async Task<Ok<VolunteerDetail>> Step(
        Guid id,
        VolunteerStatusInput input,
        VolunteerService volunteers,
        CancellationToken ct
    )
    {
        await volunteers.ChangeStatusAsync(id, input, ct);
        return TypedResults.Ok(await volunteers.GetAsync(id, ct));
    }

    private static async Task<Ok<VolunteerDetail>> UpdateProfile(
        Guid id,
        VolunteerProfileInput input,
        VolunteerService volunteers,
        CancellationToken ct
    )
    {
        await volunteers.UpdateProfileAsync(id, input, ct);
        return TypedResults.Ok(await volunteers.GetAsync(id, ct));
    }

    private static async Task<Ok<RevealedVolunteer>> Reveal(
        Guid id,
        RevealRequest? body,
        VolunteerService volunteers,
        CancellationToken ct
    ) => TypedResults.Ok(await volunteers.RevealAsync(id, body?.Reason, ct));

    private static async Task<IResult> Export(
        [AsParameters] VolunteerFilter filter,
        VolunteerService volunteers,
        SquadService squads,
        Lianxin.Core.Dictionaries.DictionaryService dictionaries,
        CancellationToken ct
    )
    {
        var rows = await volunteers.ExportAsync(filter, ExcelExport.MaxRows, ct);
        var names = (await dictionaries.ListAsync(null, includeInactive: true, ct))
            .Where(i => i.Category is VolunteerDictionaries.Skill or VolunteerDictionaries.AssistantKind)
            .ToDictionary(i => (i.Category, i.Code), i => i.Name);
        string Skill(string code) => names.GetValueOrDefault((VolunteerDictionaries.Skill, code), code);
        static string GenderLabel(Gender g) =>
            g switch
            {
                Gender.Male => "男",
                Gender.Female => "女",
                _ => "",
            };
        (string Header, Func<VolunteerRow, object?> Value)[] columns =
        [
            ("姓名", r => r.Name),
            ("性别", r => GenderLabel(r.Gender)),
            ("电话", r => r.PhoneMasked),
            ("所在单位", r => r.OrgUnitName),
            ("状态", r => r.StatusLabel),
            ("特长", r => string.Join("、", r.Skills.Select(Skill))),
            ("可服务时间", r => r.Availability.Label()),
            ("警务助理", r => r.AssistantKindCode is { } k ? names.GetValueOrDefault((VolunteerDictionaries.AssistantKind, k), k) : ""),
            ("申请时间", r => r.AppliedAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd")),
            ("加入时间", r => r.JoinedAt?.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd")),
        ];
        return await ExcelExport.FileAsync(rows, "义警名册", columns);
    }

    private static async Task<Ok<PagedResult<SquadRow>>> ListSquads(
        [AsParameters] SquadFilter filter,
        [AsParameters] PageQuery page,
        SquadService squads,
        CancellationToken ct
    ) => TypedResults.Ok(await squads.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<SquadDetail>> GetSquad(Guid id, SquadService squads, CancellationToken ct) =>
        TypedResults.Ok(await squads.GetAsync(id, ct));

    private static async Task<Created<SquadDetail>> CreateSquad(SquadInput input, SquadService squads, CancellationToken ct)
    {
        var s = await squads.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/volunteers/squads/{s.Id}", await squads.GetAsync(s.Id, ct));
    }

    private static async Task<Ok<SquadDetail>> UpdateSquad(Guid id, SquadInput input, SquadService squads, CancellationToken ct)
    {
        await squads.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await squads.GetAsync(id, ct));
    }

    private static async Task<Ok<SquadDetail>> DeactivateSquad(Guid id, SquadVersionInput? input, SquadService squads, CancellationToken ct)
    {
        await squads.SetActiveAsync(id, false, input?.Version, ct);
        return TypedResults.Ok(await squads.GetAsync(id, ct));
    }

    private static async Task<Ok<SquadDetail>> ActivateSquad(Guid id, SquadVersionInput? input, SquadService squads, CancellationToken ct)
    {
        await squads.SetActiveAsync(id, true, input?.Version, ct);
        return TypedResults.Ok(await squads.GetAsync(id, ct));
    }

    private static async Task<Ok<IReadOnlyList<VolunteerRow>>> Candidates(Guid id, string? q, SquadService squads, CancellationToken ct) =>
        TypedResults.Ok(await squads.CandidatesAsync(id, q, ct));

    private static async Task<Created<SquadDetail>> AddMember(Guid id, SquadMemberInput input, SquadService squads, CancellationToken ct)
    {
        await squads.AddMemberAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/volunteers/squads/{id}", await squads.GetAsync(id, ct));
    }

    private static async Task<Ok<SquadDetail>> SetMemberRole(
        Guid id,
        Guid memberId,
        SquadRoleInput input,
        SquadService squads,
        CancellationToken ct
    )
    {
        await squads.SetMemberRoleAsync(id, memberId, input, ct);
        return TypedResults.Ok(await squads.GetAsync(id, ct));
    }

    private static async Task<Ok<SquadDetail>> RemoveMember(Guid id, Guid memberId, SquadService squads, CancellationToken ct)
    {
        await squads.RemoveMemberAsync(id, memberId, ct);
        return TypedResults.Ok(await squads.GetAsync(id, ct));
    }
}
