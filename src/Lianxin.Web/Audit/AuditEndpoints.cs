using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Audit;

public static class AuditEndpoints
{
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/audit")
            .WithTags("审计日志（审计员）")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.AuditRead))
            .ProducesSignInProblems();
        g.MapGet("/", List).WithName("ListAudit").ProducesInputProblems().WithSummary("审计日志（分页，按人、动作、对象、时间过滤）");
        g.MapGet("/verify", Verify).WithName("VerifyAudit").WithSummary("校验哈希链，报告第一处断裂");
        g.MapGet("/export", Export)
            .WithName("ExportAudit")
            .ProducesExport()
            .WithSummary("导出审计日志（Excel，导出本身也记入日志）")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.AuditExport));
    }

    private static async Task<Ok<PagedResult<AuditLine>>> List(
        [AsParameters] AuditFilter filter,
        [AsParameters] PageQuery page,
        AuditQueryService audit,
        CancellationToken ct
    ) => TypedResults.Ok(await audit.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<AuditChain.VerifyResult>> Verify(AuditQueryService audit, CancellationToken ct) =>
        TypedResults.Ok(await audit.VerifyAsync(ct));

    private static async Task<IResult> Export(
        [AsParameters] AuditFilter filter,
        AuditQueryService audit,
        Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> text,
        CancellationToken ct
    )
    {
        // The record type as the audit page names it; a type without a name keeps its stored one.
        string? TypeName(string? type) => AuditEntityTypes.KeyOf(type) is { } key ? text[key].Value : type;
        var rows = await audit.ExportAsync(filter, ExcelExport.MaxRows, ct);
        return await ExcelExport.FileAsync(
            rows,
            "审计日志",
            ("序号", a => a.Seq),
            ("时间", a => a.At.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm:ss")),
            ("用户", a => a.UserName),
            ("来源地址", a => a.IpAddress),
            ("动作", a => a.ActionLabel),
            ("对象类型", a => TypeName(a.EntityType)),
            ("对象", a => a.EntityId),
            ("说明", a => a.Summary),
            ("变更", a => a.Changes)
        );
    }
}
