using System.Globalization;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Api;

/// <summary>Turns refusals from the domain and bad request bodies into problem details: a clear 4xx,
/// never a 500 for something the caller can fix; and a database too busy to write now (a write that waited its bounded
/// time behind an import) into 503 with <c>Retry-After</c>, nothing written, so the caller sends it again.</summary>
public sealed class ApiExceptionHandler(
    IProblemDetailsService problems,
    IDatabaseErrors databaseErrors,
    RefusalAudit refusals,
    ILogger<ApiExceptionHandler> log
) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        var (status, title, errors) = exception switch
        {
            ValidationFailedException v => (422, v.Message, v.Errors),
            Lianxin.Core.Incidents.Import.PayloadTooLargeException t => (413, t.Message, null),
            NotFoundException n => (404, n.Message, null),
            ForbiddenException f => (403, f.Message, null),
            ConflictException c => (409, c.Message, null),
            Lianxin.Core.Volunteers.Tips.TooManyRequestsException r => (429, r.Message, null),
            _ when databaseErrors.IsBusy(exception) => (503, BusyMessage(exception), null),
            _ when databaseErrors.IsUnavailable(exception) => (503, UnavailableMessage, null),
            DbUpdateConcurrencyException => (409, "该记录已被他人修改，请刷新后再试", null),
            DbUpdateException u when databaseErrors.IsUniqueViolation(u) => (409, "记录已存在（与已有数据重复）", null),
            BadHttpRequestException b when b.StatusCode == 413 => (413, "请求内容过大", null),
            BadHttpRequestException b => (b.StatusCode, BadRequestTitle(b), (IReadOnlyDictionary<string, string[]>?)null),
            DomainException d => (422, d.Message, null),
            _ => (0, "", null),
        };
        if (status == 0)
            return false;
        if (status == 503)
        {
            var unavailable = title == UnavailableMessage;
            if (unavailable)
                log.LogWarning("Request turned away, the database is out of reach: {Reason}", exception.Message);
            else
                log.LogWarning("Write turned away, the database is busy: {Reason}", exception.Message);
            var after = unavailable ? UnavailableRetryAfter : BusyOf(exception)?.RetryAfter ?? DefaultRetryAfter;
            ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (status >= 500)
            log.LogError(exception, "Request failed");
        if (exception is ForbiddenException or NotFoundException)
            await refusals.RecordAsync(ctx.User, ctx.Connection.RemoteIpAddress?.ToString(), RefusalAudit.Target(ctx), Why(exception), ct);
        ctx.Response.StatusCode = status;
        var details = errors is null
            ? new ProblemDetails { Status = status, Title = title }
            : new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Title = title };
        return await problems.TryWriteAsync(
            new ProblemDetailsContext
            {
                HttpContext = ctx,
                ProblemDetails = details,
                Exception = exception,
            }
        );
    }

    /// <summary>Asked of a caller turned away by a busy database that named no time (SQLite's own busy timeout, a
    /// PostgreSQL lock timeout).</summary>
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(10);

    /// <summary>Told when the database server is down or restarting: nothing was done, and the same request works
    /// again once the server is back (the node reconnects by itself).</summary>
    public const string UnavailableMessage = "数据库暂时无法连接，本次操作未执行，请稍后重试";

    private static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(5);

    private static DatabaseBusyException? BusyOf(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is DatabaseBusyException busy)
                return busy;
        return null;
    }

    private static string BusyMessage(Exception e) => BusyOf(e)?.Message ?? DatabaseBusyException.DefaultMessage;

    /// <summary>A 404 from a service is a record that does not exist or lies outside the caller's scope: which one
    /// is not told to the caller, and the log names both.</summary>
    private static string Why(Exception e) => e is NotFoundException ? $"记录不存在或不在管辖范围内：{e.Message}" : e.Message;

    private static string BadRequestTitle(BadHttpRequestException b) =>
        b.InnerException is System.Text.Json.JsonException j
            ? $"请求内容不是有效的 JSON，或字段类型不对{(j.Path is { Length: > 1 } path ? $"（位置：{path}）" : "")}"
        : b.Message.Contains("Failed to bind parameter", StringComparison.Ordinal)
        || b.Message.Contains("Required parameter", StringComparison.Ordinal)
            ? "请求参数格式不对：" + b.Message.Replace("Failed to bind parameter", "参数", StringComparison.Ordinal)
        : "请求格式有误";
}
