using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Disputes;

/// <summary>The mediation agreement of a dispute (人民调解协议书): one current agreement per dispute.</summary>
public static class AgreementEndpoints
{
    public static void MapAgreementApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/disputes/{id:guid}/agreement")
            .WithTags("调解协议")
            .RequireAuthorization(PermissionPolicyProvider.PolicyFor(Permissions.DisputesRead))
            .ProducesSignInProblems();
        var mediate = PermissionPolicyProvider.PolicyFor(Permissions.DisputesMediate);
        g.MapGet("/", Get)
            .WithName("GetAgreement")
            .ProducesRecordProblems()
            .WithSummary("纠纷当前的调解协议：当事人（身份证号脱敏）、事实与责任、协议内容、履行方式和期限、调解员、签订、履行、司法确认");
        g.MapPut("/", Save)
            .WithName("SaveAgreement")
            .ProducesChangeProblems()
            .RequireAuthorization(mediate)
            .WithSummary("拟订或修改调解协议（调解中或已化解的纠纷）；修改须带 version")
            .WithDescription(
                "至少两方当事人。当事人的 idNumber 为 null 时沿用已存的号码（或群众档案中的号码），空字符串清除。签订后不能修改；纠纷重启后可拟订新的协议。"
            );
        g.MapPost("/sign", Sign)
            .WithName("SignAgreement")
            .ProducesChangeProblems()
            .RequireAuthorization(mediate)
            .WithSummary("登记协议已签订（当事人签名或按指印、调解员签名、调解委员会盖章）；可同时登记当事人是否选择申请司法确认");
        g.MapPost("/performance", Performance)
            .WithName("RecordAgreementPerformance")
            .ProducesChangeProblems()
            .RequireAuthorization(mediate)
            .WithSummary("登记履行情况：全部履行或部分履行（部分履行须说明）");
        g.MapPost("/judicial-confirmation", Judicial)
            .WithName("RecordJudicialConfirmation")
            .RequireAuthorization(mediate)
            .ProducesChangeProblems()
            .WithSummary("登记司法确认：是否选择申请、申请日期（协议生效后 30 日内）、受理法院、裁定结果和日期");
    }

    private static async Task<Ok<AgreementView>> Get(Guid id, AgreementService agreements, CancellationToken ct) =>
        TypedResults.Ok(await agreements.GetAsync(id, ct) ?? throw new NotFoundException("该纠纷还没有调解协议"));

    private static async Task<Ok<AgreementView>> Save(Guid id, AgreementInput input, AgreementService agreements, CancellationToken ct)
    {
        await agreements.SaveAsync(id, input, ct);
        return await Get(id, agreements, ct);
    }

    private static async Task<Ok<AgreementView>> Sign(Guid id, AgreementSignInput input, AgreementService agreements, CancellationToken ct)
    {
        await agreements.SignAsync(id, input, ct);
        return await Get(id, agreements, ct);
    }

    private static async Task<Ok<AgreementView>> Performance(
        Guid id,
        AgreementPerformanceInput input,
        AgreementService agreements,
        CancellationToken ct
    )
    {
        await agreements.RecordPerformanceAsync(id, input, ct);
        return await Get(id, agreements, ct);
    }

    private static async Task<Ok<AgreementView>> Judicial(
        Guid id,
        JudicialConfirmationInput input,
        AgreementService agreements,
        CancellationToken ct
    )
    {
        await agreements.RecordJudicialAsync(id, input, ct);
        return await Get(id, agreements, ct);
    }
}
