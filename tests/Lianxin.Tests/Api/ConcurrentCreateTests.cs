using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Organization;
using Lianxin.Tests.Access;
using Lianxin.Tests.Support;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Api;

public sealed class ConcurrentCreateSqliteTests(SqliteApp app) : ConcurrentCreateTests(app), IClassFixture<SqliteApp>;

public sealed class ConcurrentCreatePostgresTests(PostgresApp app) : ConcurrentCreateTests(app), IClassFixture<PostgresApp>;

/// <summary>Creates sent at the same moment through the real host: one Idempotency-Key makes one record whatever
/// the number of requests carrying it, and different records registered at once all get their own number.</summary>
public abstract class ConcurrentCreateTests(AppFixture app)
{
    private const int Senders = 8;

    private sealed record Answer(HttpStatusCode Status, string Body, bool Replayed);

    /// <summary>Sends <see cref="Senders"/> requests released together, each on its own thread.</summary>
    private static async Task<List<Answer>> AtOnceAsync(HttpClient client, Func<int, HttpRequestMessage> request)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sends = Enumerable
            .Range(0, Senders)
            .Select(i =>
                Task.Run(async () =>
                {
                    using var message = request(i);
                    await gate.Task;
                    using var response = await client.SendAsync(message);
                    return new Answer(
                        response.StatusCode,
                        await response.Content.ReadAsStringAsync(),
                        response.Headers.Contains("Idempotent-Replayed")
                    );
                })
            )
            .ToList();
        gate.SetResult();
        return [.. await Task.WhenAll(sends)];
    }

    private static HttpRequestMessage Post(string url, object body, string? key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null)
            m.Headers.Add(IdempotencyFilter.Header, key);
        return m;
    }

    private object Resident(string name) =>
        new
        {
            name,
            phone = "13912345678",
            address = "东峪村三组12号",
            orgUnitId = app.World.Grids[0].Id,
        };

    private object Dispute(string title) =>
        new
        {
            title,
            categoryCode = "neighbour",
            source = "HouseholdHead",
            orgUnitId = app.World.Villages[0].Id,
            description = "两家为院墙边的排水沟争吵",
            address = "东峪村三组5号",
            parties = new object[]
            {
                new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                new { role = "Respondent", name = "程某" },
            },
        };

    [Fact]
    public async Task Eight_resident_creates_at_once_with_one_key_make_one_resident_and_all_get_its_answer()
    {
        var officer = await app.As("officer1");
        var key = Guid.NewGuid().ToString();
        var body = Resident("齐同时");
        var before = await app.Factory.WithDbAsync(db => db.Residents.CountAsync());

        var answers = await AtOnceAsync(officer, _ => Post("/api/v1/residents", body, key));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        var ids = answers.Select(a => JsonSerializer.Deserialize<ResidentView>(a.Body, ApiAssert.Json)!.Id).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(Senders - 1, answers.Count(a => a.Replayed));
        Assert.Equal(before + 1, await app.Factory.WithDbAsync(db => db.Residents.CountAsync()));
    }

    [Fact]
    public async Task Eight_dispute_registrations_at_once_with_one_key_make_one_dispute_and_all_get_its_answer()
    {
        var officer = await app.As("officer1");
        var key = Guid.NewGuid().ToString();
        var title = "同键同时登记的纠纷" + Guid.NewGuid().ToString("N")[..6];

        var answers = await AtOnceAsync(officer, _ => Post("/api/v1/disputes", Dispute(title), key));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        var ids = answers.Select(a => JsonSerializer.Deserialize<DisputeDetail>(a.Body, ApiAssert.Json)!.Summary.Id).Distinct();
        Assert.Single(ids);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.Disputes.CountAsync(d => d.Title == title)));
    }

    [Fact]
    public async Task Eight_different_disputes_registered_at_once_all_get_their_own_number()
    {
        var officer = await app.As("officer1");
        var title = "同时登记的纠纷" + Guid.NewGuid().ToString("N")[..6];

        var answers = await AtOnceAsync(officer, i => Post("/api/v1/disputes", Dispute($"{title}-{i}"), key: null));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status}: {a.Body}"));
        var numbers = answers.Select(a => JsonSerializer.Deserialize<DisputeDetail>(a.Body, ApiAssert.Json)!.Summary.Number).ToList();
        Assert.Equal(Senders, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"^JF-\d{4}-\d{5}$", n));
        var stored = await app.Factory.WithDbAsync(db =>
            db.Disputes.Where(d => d.Title.StartsWith(title)).Select(d => d.Number).ToListAsync()
        );
        Assert.Equal(numbers.Order(), stored.Order());
    }

    [Fact]
    public async Task A_create_refused_under_a_key_frees_it_for_the_corrected_retry()
    {
        var officer = await app.As("officer1");
        var key = Guid.NewGuid().ToString();
        var refused = new { name = "", orgUnitId = app.World.Grids[0].Id };
        await ApiAssert.ProblemAsync(await officer.SendAsync(Post("/api/v1/residents", refused, key)), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.IdempotencyRecords.CountAsync(r => r.Key == key)));

        var created = await officer.SendAsync(Post("/api/v1/residents", Resident("钱改正"), key));
        await ApiAssert.OkAsync<ResidentView>(created, HttpStatusCode.Created);
        Assert.False(created.Headers.Contains("Idempotent-Replayed"));
        // The key now stands for the create that happened: another body is still refused.
        await ApiAssert.ProblemAsync(
            await officer.SendAsync(Post("/api/v1/residents", Resident("别的人"), key)),
            HttpStatusCode.UnprocessableEntity
        );
    }

    [Fact]
    public async Task A_claim_left_by_a_stopped_process_is_taken_over_once_it_expires()
    {
        var officer = await app.As("officer1");
        var key = Guid.NewGuid().ToString();
        var body = Resident("孙接手");
        var first = await ApiAssert.OkAsync<ResidentView>(
            await officer.SendAsync(Post("/api/v1/residents", body, key)),
            HttpStatusCode.Created
        );
        // As if the process had stopped after claiming the key, before storing the answer, lease long gone.
        await SetClaimAsync(key, DateTimeOffset.UtcNow.AddMinutes(-1));

        var again = await officer.SendAsync(Post("/api/v1/residents", body, key));
        var second = await ApiAssert.OkAsync<ResidentView>(again, HttpStatusCode.Created);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(first.Id, second.Id);
        var record = await app.Factory.WithDbAsync(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key));
        Assert.Null(record.ClaimedUntil);
        Assert.Equal(201, record.StatusCode);
        Assert.Contains(second.Id.ToString(), record.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_meeting_a_running_claim_waits_for_its_answer_and_replays_it()
    {
        var officer = await app.As("officer1");
        var key = Guid.NewGuid().ToString();
        var body = Resident("周等待");
        var first = await ApiAssert.OkAsync<ResidentView>(
            await officer.SendAsync(Post("/api/v1/residents", body, key)),
            HttpStatusCode.Created
        );
        var stored = await app.Factory.WithDbAsync(db => db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.Key == key));
        await SetClaimAsync(key, DateTimeOffset.UtcNow.AddMinutes(1));
        var before = await app.Factory.WithDbAsync(db => db.Residents.CountAsync());

        var waiting = officer.SendAsync(Post("/api/v1/residents", body, key));
        await Task.Delay(400);
        Assert.False(waiting.IsCompleted);
        // The running attempt finishes and stores its answer.
        await app.Factory.WithDbAsync(db =>
            db.IdempotencyRecords.Where(r => r.Key == key)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(r => r.StatusCode, stored.StatusCode)
                        .SetProperty(r => r.ResponseBody, stored.ResponseBody)
                        .SetProperty(r => r.ClaimedUntil, (DateTimeOffset?)null)
                        .SetProperty(r => r.ClaimToken, (Guid?)null)
                )
        );

        var response = await waiting;
        var replayed = await ApiAssert.OkAsync<ResidentView>(response, HttpStatusCode.Created);
        Assert.True(response.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(first.Id, replayed.Id);
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Residents.CountAsync()));
    }

    /// <summary>Turns the key's stored answer back into a claim still held, until <paramref name="until"/>.</summary>
    private Task<int> SetClaimAsync(string key, DateTimeOffset until) =>
        app.Factory.WithDbAsync(db =>
            db.IdempotencyRecords.Where(r => r.Key == key)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(r => r.StatusCode, 0)
                        .SetProperty(r => r.ResponseBody, (string?)null)
                        .SetProperty(r => r.ClaimedUntil, until)
                        .SetProperty(r => r.ClaimToken, Guid.NewGuid())
                )
        );

    /// <summary>Every create that takes a key, called at once with one key by an account that may call it (the first
    /// whose over-long key gets the filter's 400), with the access matrix's body: all answers alike, and a created
    /// record's answer the same record for all.</summary>
    [Fact]
    public async Task Every_create_that_takes_a_key_answers_simultaneous_requests_with_one_key_alike()
    {
        var keyed = app
            .Factory.Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IdempotentEndpoint>() is not null)
            .Select(e => e.RoutePattern.RawText ?? "")
            .ToHashSet();
        Assert.True(keyed.Count >= 20, $"only {keyed.Count} creates take a key");
        var calls = (await AccessMatrixTests.CallsFor(app)).Where(c => c.Method == "POST" && keyed.Contains(c.Route)).ToList();
        Assert.Equal(keyed.Order(), calls.Select(c => c.Route).Distinct().Order());
        var accounts = AccessMatrixTests.AllAccounts.OrderBy(u => u.EndsWith('2') ? 0 : 1).ToList();
        var walked = new List<string>();
        var created = 0;
        var failures = new List<string>();
        foreach (var call in calls.DistinctBy(c => c.Route))
        {
            HttpClient? caller = null;
            foreach (var account in accounts)
            {
                var client = await app.As(account);
                using var probe = Request(call, new string('k', 129));
                using var answer = await client.SendAsync(probe);
                if (
                    answer.StatusCode == HttpStatusCode.BadRequest
                    && (await answer.Content.ReadAsStringAsync()).Contains("Idempotency-Key")
                )
                {
                    caller = client;
                    break;
                }
            }
            if (caller is null)
            {
                failures.Add($"{call.Route}: no account may call it");
                continue;
            }
            walked.Add(call.Route);
            var key = Guid.NewGuid().ToString();
            var answers = await AtOnceAsync(caller, _ => Request(call, key));
            if (answers.Select(a => a.Status).Distinct().Count() != 1)
                failures.Add($"{call.Route}: {string.Join(", ", answers.Select(a => (int)a.Status))}");
            else if (answers[0].Status is >= HttpStatusCode.OK and < HttpStatusCode.MultipleChoices)
            {
                created++;
                var first = JsonNode.Parse(answers[0].Body);
                if (answers.Any(a => !JsonNode.DeepEquals(first, JsonNode.Parse(a.Body))))
                    failures.Add($"{call.Route}: the answers name different records");
                if (answers.Count(a => a.Replayed) != Senders - 1)
                    failures.Add($"{call.Route}: {answers.Count(a => a.Replayed)} replayed");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(created >= 8, $"only {created} of {walked.Count} creates made a record: {string.Join(", ", walked)}");
    }

    private static HttpRequestMessage Request(AccessMatrixTests.Call call, string key)
    {
        var m = new HttpRequestMessage(HttpMethod.Post, call.Url);
        if (call.Body is not null)
            m.Content = JsonContent.Create(call.Body);
        m.Headers.Add(IdempotencyFilter.Header, key);
        return m;
    }
}
