using System.Diagnostics;
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
/// whose response holds nothing secret (<see cref="IdempotencyExtensions.Idempotent"/>): the response is stored.
/// The key is claimed before the create runs (a row inserted only if absent), so requests sent at the same moment
/// with one key wait for the first and replay its response instead of creating again. A create that fails frees
/// its claim for the retry.
/// <para>On PostgreSQL the claim, the create and the stored response are one transaction: a node killed at any point
/// leaves either all three or none, and a retry with the key (to any node) either replays the answer or creates once.
/// A request with the same key as one still running waits on the database's unique index for it to end.</para>
/// <para>On SQLite (one node) the claim is committed before the create, and a claim whose process stopped expires
/// after <see cref="Lease"/>.</para></summary>
public sealed class IdempotencyFilter : IEndpointFilter
{
    public const string Header = "Idempotency-Key";

    /// <summary>How long a claim holds without a stored response; past it, the next attempt takes the key over.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long a request waits for another with the same key before it is told to retry later (409).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
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
        var ct = http.RequestAborted;
        if (db.IsPostgres && db.Database.CurrentTransaction is null)
            return await InvokeAtomicAsync(context, next, db, userId, key, route, bodyHash, ct);
        var waited = Stopwatch.StartNew();
        Guid token;
        while (true)
        {
            var prior = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
            if (prior is null)
            {
                token = Guid.NewGuid();
                if (await InsertIfAbsent.RowAsync(db, Claim(db, userId, key, route, bodyHash, token), ct))
                    break;
                continue; // another request claimed it between the read and the insert: read its claim
            }
            if (prior.RequestHash != bodyHash || prior.Route != route)
                return KeyReused();
            if (prior.ClaimedUntil is null)
                return Replay(http, prior);
            if (prior.ClaimedUntil < db.Now)
            {
                token = Guid.NewGuid();
                if (await TakeOverAsync(db, prior, token, ct))
                    break;
                continue;
            }
            if (waited.Elapsed > Wait)
                return StillRunning();
            await Task.Delay(Poll, ct);
        }

        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(db, userId, key, token);
            throw;
        }
        // Stored even when the client has gone: the create is done, and its retry must get this answer.
        if (Succeeded(result))
            await StoreAnswerAsync(
                http,
                db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ClaimToken == token),
                result
            );
        else
            await ReleaseAsync(db, userId, key, token);
        return result;
    }

    /// <summary>The claim, the create and its stored response in one transaction (PostgreSQL).</summary>
    private static async Task<object?> InvokeAtomicAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next,
        LianxinDbContext db,
        string userId,
        string key,
        string route,
        string bodyHash,
        CancellationToken ct
    )
    {
        var http = context.HttpContext;
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var prior = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
            if (prior is not null)
            {
                if (prior.RequestHash != bodyHash || prior.Route != route)
                    return KeyReused();
                if (prior.ClaimedUntil is null)
                    return Replay(http, prior);
                // A claim committed without its answer was left by a version that claimed before creating: it frees
                // itself after its lease, as it did then.
                if (prior.ClaimedUntil < db.Now)
                {
                    await db
                        .IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ClaimToken == prior.ClaimToken)
                        .ExecuteDeleteAsync(ct);
                    continue;
                }
                if (waited.Elapsed > Wait)
                    return StillRunning();
                await Task.Delay(Poll, ct);
                continue;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var token = Guid.NewGuid();
            // Waits while another transaction holds an uncommitted claim on the key, then finds its answer.
            if (!await InsertIfAbsent.RowAsync(db, Claim(db, userId, key, route, bodyHash, token), ct))
            {
                await tx.RollbackAsync(ct);
                continue;
            }
            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                // Everything the create wrote goes with the claim; nothing it tracked may be saved by a later step.
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
            var claimed = db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ClaimToken == token);
            if (Succeeded(result))
                await StoreAnswerAsync(http, claimed, result);
            else
                await claimed.ExecuteDeleteAsync(CancellationToken.None);
            // Committed even when the client has gone: the create is done, and its retry must get this answer.
            await tx.CommitAsync(CancellationToken.None);
            return result;
        }
    }

    private static IResult KeyReused() =>
        Results.Problem(title: "Idempotency-Key 已用于另一个请求", detail: "同一个键只能用于内容相同的重试。", statusCode: 422);

    private static IResult StillRunning() =>
        Results.Problem(title: "同一请求仍在处理中", detail: "带有同一个 Idempotency-Key 的请求尚未完成，请稍后重试。", statusCode: 409);

    /// <summary>A claim on the key, held by <paramref name="token"/> for <see cref="Lease"/> until an answer is stored.</summary>
    private static IdempotencyRecord Claim(LianxinDbContext db, string userId, string key, string route, string bodyHash, Guid token) =>
        new()
        {
            Key = key,
            UserId = userId,
            Route = route,
            RequestHash = bodyHash,
            CreatedAt = db.Now,
            ClaimedUntil = db.Now + Lease,
            ClaimToken = token,
        };

    private static bool Succeeded(object? result) => result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };

    /// <summary>Keeps a create's answer on its claim, which then no longer holds the key but replays the answer.</summary>
    private static async Task StoreAnswerAsync(HttpContext http, IQueryable<IdempotencyRecord> claimed, object? result)
    {
        string? json = null;
        if (result is IValueHttpResult v)
        {
            var jsonOptions = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>();
            json = JsonSerializer.Serialize(v.Value, jsonOptions.Value.SerializerOptions);
        }
        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? 200;
        var location = LocationOf(result);
        await claimed.ExecuteUpdateAsync(
            s =>
                s.SetProperty(r => r.StatusCode, status)
                    .SetProperty(r => r.ResponseBody, json)
                    .SetProperty(r => r.Location, location)
                    .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                    .SetProperty(r => r.ClaimToken, (Guid?)null),
            CancellationToken.None
        );
    }

    private static IResult Replay(HttpContext http, IdempotencyRecord prior)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (prior.Location is not null)
            http.Response.Headers.Location = prior.Location;
        return prior.ResponseBody is null
            ? Results.StatusCode(prior.StatusCode)
            : Results.Text(prior.ResponseBody, "application/json", Encoding.UTF8, prior.StatusCode);
    }

    /// <summary>Takes over a claim whose attempt ran past its lease (its process stopped): only one taker wins.</summary>
    private static async Task<bool> TakeOverAsync(LianxinDbContext db, IdempotencyRecord stale, Guid token, CancellationToken ct)
    {
        var until = db.Now + Lease;
        var taken = await db
            .IdempotencyRecords.Where(r => r.UserId == stale.UserId && r.Key == stale.Key && r.ClaimToken == stale.ClaimToken)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntil, until), ct);
        return taken == 1;
    }

    /// <summary>Frees the key after a create that did not happen (refused, failed, cancelled), so a retry runs it
    /// again. Should this fail too, the claim still expires with its lease.</summary>
    private static async Task ReleaseAsync(LianxinDbContext db, string userId, string key, Guid token)
    {
        try
        {
            await db
                .IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.ClaimToken == token)
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException) { }
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
