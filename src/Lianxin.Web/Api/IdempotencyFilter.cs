using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Api;

/// <summary>Creates (POST) carrying an Idempotency-Key run once per user and key: a retry with the same
/// body gets the first response again; the same key with another body is a 422. Put only on creates
/// whose response holds nothing secret (<see cref="IdempotencyExtensions.Idempotent"/>): the response is stored.</summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method) || http.Request.Headers[Header] is not { Count: > 0 } values)
            return await next(context);
        var key = values.ToString();
        if (key.Length is 0 or > 128)
            return ApiProblems.Status(400, "Idempotency-Key 须为 1 到 128 个字符");
        var userId = http.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return await next(context);

        var route = http.Request.Path.Value ?? "";
        var bodyHash = HashArguments(context.Arguments, route);
        var db = http.RequestServices.GetRequiredService<LianxinDbContext>();
        var prior = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key);
        if (prior is not null)
        {
            if (prior.RequestHash != bodyHash || prior.Route != route)
                return Results.Problem(
                    title: "Idempotency-Key 已用于另一个请求",
                    detail: "同一个键只能用于内容相同的重试。",
                    statusCode: 422
                );
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (prior.Location is not null)
                http.Response.Headers.Location = prior.Location;
            return Results.Text(prior.ResponseBody ?? "", "application/json", Encoding.UTF8, prior.StatusCode);
        }

        var result = await next(context);
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } ok and IValueHttpResult v)
        {
            var jsonOptions = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
            var json = JsonSerializer.Serialize(v.Value, jsonOptions.Value.SerializerOptions);
            db.ChangeTracker.Clear();
            db.IdempotencyRecords.Add(
                new IdempotencyRecord
                {
                    Key = key,
                    UserId = userId,
                    Route = route,
                    RequestHash = bodyHash,
                    StatusCode = ok.StatusCode ?? 200,
                    ResponseBody = json,
                    Location = LocationOf(result),
                    CreatedAt = db.Now,
                }
            );
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            { /* a concurrent retry stored it first; both saw the same create */
            }
        }
        return result;
    }

    private static string? LocationOf(object? result) => result?.GetType().GetProperty("Location")?.GetValue(result) as string;

    /// <summary>Hashes what the client sent: the route and the bound body and values, not the injected services.</summary>
    private static string HashArguments(IList<object?> args, string route)
    {
        var sb = new StringBuilder(route);
        foreach (var a in args)
        {
            if (a is null)
                continue;
            var type = a.GetType();
            var sent =
                type.IsPrimitive
                || a is string or Guid or Enum
                || type.Name.EndsWith("Input", StringComparison.Ordinal)
                || type.Name.EndsWith("Request", StringComparison.Ordinal);
            if (sent)
                sb.Append('|').Append(JsonSerializer.Serialize(a));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
