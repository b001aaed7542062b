using Microsoft.AspNetCore.Http.Features;

namespace Lianxin.Web.Api;

/// <summary>RFC 9457 problem details, with titles in Chinese for the person reading them.</summary>
public static class ApiProblems
{
    public static void Customize(ProblemDetailsOptions o) =>
        o.CustomizeProblemDetails = ctx =>
        {
            var p = ctx.ProblemDetails;
            p.Title = p.Status switch
            {
                400 when p.Title is null or "Bad Request" or "One or more validation errors occurred." => "请求格式有误",
                401 when p.Title is null or "Unauthorized" => "请先登录",
                403 when p.Title is null or "Forbidden" => "没有权限",
                404 when p.Title is null or "Not Found" => "记录不存在或无权查看",
                405 when p.Title is null or "Method Not Allowed" => "不支持该请求方法",
                409 when p.Title is null or "Conflict" => "数据冲突",
                413 => "请求内容过大",
                415 => "请求内容类型不受支持，请使用 application/json",
                422 when p.Title is null or "Unprocessable Entity" => "输入有误",
                429 => "请求过于频繁",
                // A busy database (ApiExceptionHandler) says what holds it and asks for a retry; nothing internal is in it.
                503 when p.Title is null or "Service Unavailable" => "系统正忙，请稍后重试",
                503 => p.Title,
                >= 500 => "服务器内部错误，请稍后再试",
                _ => p.Title,
            };
            p.Extensions["traceId"] = ctx.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity.Id ?? ctx.HttpContext.TraceIdentifier;
        };

    public static IResult Status(int status, string title, string? detail = null) =>
        Results.Problem(title: title, detail: detail, statusCode: status);

    public static IResult Validation(string field, IEnumerable<string> messages) =>
        Results.ValidationProblem(
            new Dictionary<string, string[]> { [field] = messages.ToArray() },
            title: "输入有误",
            statusCode: StatusCodes.Status422UnprocessableEntity
        );
}
