using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Organization;

public static class MemberEndpoints
{
    public static void MapMemberApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/members")
            .WithTags("工作人员和协作力量")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.MembersRead))
            .ProducesSignInProblems();
        g.MapGet("/", List).WithName("ListMembers").ProducesQueryProblems().WithSummary("查找工作人员、百户长、义警、协作力量（分页）");
        g.MapGet("/{id:guid}", Get).WithName("GetMember").ProducesRecordProblems().WithSummary("人员详情（电话脱敏）");
        g.MapPost("/", Create).Idempotent().WithName("CreateMember").ProducesCreateProblems().WithSummary("新增人员");
        g.MapPut("/{id:guid}", Update).WithName("UpdateMember").ProducesChangeProblems().WithSummary("修改人员，须带 version");
        g.MapPost("/{id:guid}/reveal", async (Guid id, RevealRequest? body, MemberService members, CancellationToken ct) =>
                TypedResults.Ok(await members.RevealAsync(id, body?.Reason, ct))
            )
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal))
            .WithName("RevealMember")
            .ProducesQueryProblems()
            .WithSummary("查看完整电话（需权限，记入审计日志）");
        g.MapGet("/export", Export)
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleExport))
            .WithName("ExportMembers")
            .WithSummary("导出人员台账（Excel，脱敏，记入审计日志）")
            .ProducesExport();
    }

    private static async Task<Ok<PagedResult<MemberView>>> List(
        [AsParameters] MemberFilter filter,
        [AsParameters] PageQuery page,
        MemberService members,
        CancellationToken ct
    ) => TypedResults.Ok(await members.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<MemberView>> Get(Guid id, MemberService members, CancellationToken ct) =>
        TypedResults.Ok(await members.GetAsync(id, ct));

    private static async Task<Created<MemberView>> Create(MemberInput input, MemberService members, CancellationToken ct)
    {
        var m = await members.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/members/{m.Id}", await members.GetAsync(m.Id, ct));
    }

    private static async Task<Ok<MemberView>> Update(Guid id, MemberInput input, MemberService members, CancellationToken ct)
    {
        await members.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await members.GetAsync(id, ct));
    }

    private static async Task<IResult> Export(
        [AsParameters] MemberFilter filter,
        MemberService members,
        Lianxin.Core.Dictionaries.DictionaryService dictionaries,
        CancellationToken ct
    )
    {
        var rows = await members.ExportAsync(filter, ExcelExport.MaxRows, ct);
        var skill = await DictionaryLabels.OfAsync(dictionaries, "skill", ct);
        return await ExcelExport.FileAsync(
            rows,
            "人员台账",
            ("姓名", m => m.Name),
            ("类别", m => m.KindLabel),
            ("性别", m => ResidentEndpoints.GenderLabel(m.Gender)),
            ("所属单位", m => m.OrgUnitName),
            ("电话", m => m.PhoneMasked),
            ("所在组织", m => m.Organization),
            ("特长", m => string.Join("、", m.Skills.Select(skill))),
            ("状态", m => m.IsActive ? "在岗" : "停用")
        );
    }
}
