using Lianxin.Core.Access;
using Lianxin.Core.Organization;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Organization;

public static class OrgUnitEndpoints
{
    public static void MapOrgUnitApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/org-units")
            .WithTags("辖区单位")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.PlacesRead))
            .ProducesSignInProblems();
        g.MapGet("/", Search).WithName("SearchOrgUnits").ProducesQueryProblems().WithSummary("按名称、类型、上级查找单位（分页）");
        g.MapGet("/roots", Roots).WithName("OrgUnitRoots").ProducesInputProblems().WithSummary("当前用户可见范围的最上级单位");
        g.MapGet("/{id:guid}", Get).WithName("GetOrgUnit").ProducesRecordProblems().WithSummary("单位详情，含上级链和统计");
        g.MapGet("/{id:guid}/children", Children).WithName("OrgUnitChildren").ProducesQueryProblems().WithSummary("直接下级单位");
        g.MapPost("/", Create).Idempotent().WithName("CreateOrgUnit").ProducesCreateProblems().WithSummary("新增单位");
        g.MapPut("/{id:guid}", Update)
            .WithName("UpdateOrgUnit")
            .ProducesChangeProblems()
            .WithSummary("修改单位（编码、名称、人口、边界），须带 version");
        g.MapPost("/{id:guid}/move", Move).WithName("MoveOrgUnit").ProducesChangeProblems().WithSummary("移到新的上级单位下");
        g.MapPost("/{id:guid}/retire", Retire)
            .WithName("RetireOrgUnit")
            .ProducesChangeProblems()
            .WithSummary("撤销单位（不删除，记录仍指向它）");
        g.MapPost("/{id:guid}/reinstate", Reinstate).WithName("ReinstateOrgUnit").ProducesChangeProblems().WithSummary("恢复已撤销的单位");
        g.MapGet("/export", Export).WithName("ExportOrgUnits").ProducesExport().WithSummary("导出单位台账（Excel）");
    }

    private static async Task<Ok<Lianxin.Core.Common.PagedResult<OrgUnitSummary>>> Search(
        string? q,
        OrgUnitKind? kind,
        Guid? under,
        bool? includeRetired,
        [AsParameters] PageQuery page,
        OrgUnitService units,
        CancellationToken ct
    ) => TypedResults.Ok(await units.SearchAsync(q, kind, under, includeRetired ?? false, page.ToRequest(), ct));

    private static async Task<Ok<IReadOnlyList<OrgUnitSummary>>> Roots(bool? includeRetired, OrgUnitService units, CancellationToken ct) =>
        TypedResults.Ok(await units.RootsAsync(includeRetired ?? false, ct));

    private static async Task<Ok<OrgUnitDetail>> Get(Guid id, OrgUnitService units, CancellationToken ct) =>
        TypedResults.Ok(await units.GetAsync(id, ct));

    private static async Task<Ok<IReadOnlyList<OrgUnitSummary>>> Children(
        Guid id,
        bool? includeRetired,
        OrgUnitService units,
        CancellationToken ct
    )
    {
        await units.GetAsync(id, ct);
        return TypedResults.Ok(await units.ChildrenAsync(id, includeRetired ?? false, ct));
    }

    private static async Task<Created<OrgUnitDetail>> Create(OrgUnitInput input, OrgUnitService units, CancellationToken ct)
    {
        var unit = await units.CreateAsync(input, ct);
        return TypedResults.Created($"/api/v1/org-units/{unit.Id}", await units.GetAsync(unit.Id, ct));
    }

    private static async Task<Ok<OrgUnitDetail>> Update(Guid id, OrgUnitInput input, OrgUnitService units, CancellationToken ct)
    {
        await units.UpdateAsync(id, input, ct);
        return TypedResults.Ok(await units.GetAsync(id, ct));
    }

    private static async Task<Ok<OrgUnitDetail>> Move(Guid id, MoveRequest body, OrgUnitService units, CancellationToken ct)
    {
        if (body.ParentId is not { } parent)
            throw new Lianxin.Core.Common.ValidationFailedException("parentId", "请选择新的上级单位");
        await units.MoveAsync(id, parent, body.Version, ct);
        return TypedResults.Ok(await units.GetAsync(id, ct));
    }

    private static async Task<Ok<OrgUnitDetail>> Retire(Guid id, VersionRequest body, OrgUnitService units, CancellationToken ct)
    {
        await units.RetireAsync(id, body.Version, ct);
        return TypedResults.Ok(await units.GetAsync(id, ct));
    }

    private static async Task<Ok<OrgUnitDetail>> Reinstate(Guid id, VersionRequest body, OrgUnitService units, CancellationToken ct)
    {
        await units.ReinstateAsync(id, body.Version, ct);
        return TypedResults.Ok(await units.GetAsync(id, ct));
    }

    private static async Task<IResult> Export(string? q, OrgUnitKind? kind, Guid? under, OrgUnitService units, CancellationToken ct)
    {
        var page = await units.SearchAsync(q, kind, under, true, new Lianxin.Core.Common.PageRequest(1, ExcelExport.MaxRows), ct);
        return await ExcelExport.FileAsync(
            page.Items,
            "辖区单位",
            ("编码", u => u.Code),
            ("名称", u => u.Name),
            ("类型", u => u.KindLabel),
            ("层级", u => u.Depth),
            ("人口", u => u.Population),
            ("户数", u => u.Households),
            ("下级单位数", u => u.ChildCount),
            ("状态", u => u.IsRetired ? "已撤销" : "在用")
        );
    }
}
