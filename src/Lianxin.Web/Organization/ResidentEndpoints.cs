using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Organization;

public static class ResidentEndpoints
{
    public static void MapResidentApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/residents")
            .WithTags("群众")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleRead))
            .ProducesSignInProblems();
        g.MapGet("/", List)
            .WithName("ListResidents")
            .ProducesQueryProblems()
            .WithSummary("查找群众（分页）：姓名/住址关键词、身份证号或电话精确查找、单位、标签")
            .WithDescription(
                "身份证号和电话始终脱敏显示；sort 可为 name、birthDate、createdAt，前加 - 表示倒序。"
                    + "默认排序（最新登记在前）可按 after 翻页：把上一页返回的 next 原样作为 after（不再给 page）；"
                    + "total 最多数到 1000，超过时 totalExact 为 false。"
            );
        g.MapGet("/{id:guid}", Get).WithName("GetResident").ProducesRecordProblems().WithSummary("群众详情（脱敏）");
        g.MapPost("/", Create).Idempotent().WithName("CreateResident").ProducesCreateProblems().WithSummary("登记群众");
        g.MapPut("/{id:guid}", Update).WithName("UpdateResident").ProducesChangeProblems().WithSummary("修改群众信息，须带 version");
        g.MapPost("/{id:guid}/reveal", Reveal)
            .WithName("RevealResident")
            .ProducesQueryProblems()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal))
            .WithSummary("查看完整身份证号和电话（需权限，记入审计日志）");
        g.MapGet("/export", Export)
            .WithName("ExportResidents")
            .ProducesExport()
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PeopleExport))
            .WithSummary("导出群众名单（Excel，脱敏，记入审计日志）");
    }

    private static async Task<Ok<PagedResult<ResidentView>>> List(
        [AsParameters] ResidentFilter filter,
        [AsParameters] LedgerPageQuery page,
        ResidentService residents,
        CancellationToken ct
    ) => TypedResults.Ok(await residents.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<ResidentView>> Get(Guid id, ResidentService residents, CancellationToken ct) =>
        TypedResults.Ok(await residents.GetAsync(id, ct));

    private static async Task<Created<ResidentView>> Create(ResidentInput input, ResidentService residents, CancellationToken ct)
    {
        var r = await residents.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/residents/{r.Id}", await residents.GetAsync(r.Id, ct));
    }

    private static async Task<Ok<ResidentView>> Update(Guid id, ResidentInput input, ResidentService residents, CancellationToken ct)
    {
        await residents.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await residents.GetAsync(id, ct));
    }

    private static async Task<Ok<RevealedResident>> Reveal(Guid id, RevealRequest? body, ResidentService residents, CancellationToken ct) =>
        TypedResults.Ok(await residents.RevealAsync(id, body?.Reason, ct));

    private static async Task<IResult> Export([AsParameters] ResidentFilter filter, ResidentService residents, CancellationToken ct)
    {
        var rows = await residents.ExportAsync(filter, ExcelExport.MaxRows, ct);
        return await ExcelExport.FileAsync(
            rows,
            "群众名单",
            ("姓名", r => r.Name),
            ("性别", r => GenderLabel(r.Gender)),
            ("出生年份", r => r.BirthYear),
            ("身份证号", r => r.IdNumberMasked),
            ("电话", r => r.PhoneMasked),
            ("住址", r => r.Address),
            ("所属单位", r => r.OrgUnitName),
            ("标签", r => string.Join("、", r.Tags))
        );
    }

    public static string GenderLabel(Gender g) =>
        g switch
        {
            Gender.Male => "男",
            Gender.Female => "女",
            _ => "未知",
        };
}
