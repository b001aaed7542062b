using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class AccessMatrixSqliteTests(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixPostgresTests(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;

/// <summary>Every account of station 1 tries every API endpoint against station 2's records: nothing of
/// station 2 is read or changed, each refusal is a 403/404 (or a 4xx for the bad request), never a 500.
/// Global accounts try them too and must never see a 500.</summary>
public abstract class AccessMatrixTests(AppFixture app)
{
    private static readonly string[] Station1Accounts =
        TestWorld.StationAccounts.Select(a => a.Prefix + "1").ToArray();

    private static readonly string[] AllAccounts =
        TestWorld.StationAccounts.SelectMany(a => new[] { a.Prefix + "1", a.Prefix + "2" })
            .Concat(TestWorld.CountyAccounts.Select(a => a.User)).ToArray();

    private sealed record Call(string Method, string Url, object? Body, bool TargetsStation2, string Route);

    private async Task<List<Call>> CallsAsync()
    {
        var w = app.World;
        var otherResident = w.ResidentIds["张三2"];
        var otherMember = w.MemberIds[1];
        var otherUnit = w.Villages[1].Id;
        var otherUser = w.UserIds["leader2"];
        var note = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var n = new Notification { UserId = otherUser, Title = "测试通知", CreatedAt = DateTimeOffset.UtcNow };
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        var roleId = await app.Factory.WithDbAsync(db => db.Roles.Where(r => r.Name == "mediator").Select(r => r.Id).FirstAsync());
        var dictionaryItem = await app.Factory.WithDbAsync(db => db.DictionaryItems.Select(d => d.Id).FirstAsync());

        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var calls = new List<Call>();
        foreach (var e in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/v1", StringComparison.Ordinal)) continue;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var targets = pattern.Contains('{');
                var url = pattern
                    .Replace("/residents/{id:guid}", $"/residents/{otherResident}")
                    .Replace("/members/{id:guid}", $"/members/{otherMember}")
                    .Replace("/org-units/{id:guid}", $"/org-units/{otherUnit}")
                    .Replace("/users/{id}", $"/users/{otherUser}")
                    .Replace("/roles/{id}", $"/roles/{roleId}")
                    .Replace("/notifications/{id:guid}", $"/notifications/{note}")
                    .Replace("/dictionaries/{id:guid}", $"/dictionaries/{dictionaryItem}")
                    .Replace("/disputes/{id:guid}", $"/disputes/{w.DisputeIds[1]}")
                    .Replace("/disputes/figures", $"/disputes/figures?orgUnitId={w.Stations[1].Id}");
                Assert.DoesNotContain("{", url); // a new route needs a placeholder here
                var body = BodyFor(pattern, method, w);
                if (pattern == "/api/v1/disputes/figures") targets = true; // station 2's figures asked for by name
                if (method is "POST" or "PUT" && body is not null && pattern is "/api/v1/residents/" or "/api/v1/members/" or "/api/v1/org-units/" or "/api/v1/disputes/")
                    targets = true;
                // Dictionaries, roles and the caller's own inbox are not unit-scoped; users are checked by permission.
                if (pattern.StartsWith("/api/v1/dictionaries", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/roles", StringComparison.Ordinal)) targets = false;
                calls.Add(new Call(method, url, body, targets, pattern));
            }
        }
        Assert.True(calls.Count >= 30, $"expected the whole API, found {calls.Count} calls");
        return calls;
    }

    private static object? BodyFor(string pattern, string method, TestWorld w)
    {
        if (method is not ("POST" or "PUT")) return null;
        var unit = w.Grids[1].Id;
        return pattern switch
        {
            _ when pattern.StartsWith("/api/v1/residents", StringComparison.Ordinal) =>
                new { name = "越权写入", orgUnitId = unit, version = 1, reason = "x" },
            _ when pattern.StartsWith("/api/v1/members", StringComparison.Ordinal) =>
                new { name = "越权写入", kind = "Volunteer", orgUnitId = unit, version = 1 },
            _ when pattern.Contains("/move", StringComparison.Ordinal) => new { parentId = w.Stations[1].Id, version = 1 },
            _ when pattern.StartsWith("/api/v1/disputes", StringComparison.Ordinal) =>
                new { title = "越权纠纷", categoryCode = "neighbour", description = "x", source = "Screening", orgUnitId = w.Villages[1].Id,
                      action = "Triage", jurisdiction = "PoliceSimple", version = 1, parties = new[] { new { role = "Applicant", name = "某" } } },
            _ when pattern.StartsWith("/api/v1/org-units", StringComparison.Ordinal) =>
                new { code = "X-" + Guid.NewGuid().ToString("N")[..8], name = "越权单位", kind = "Group", parentId = w.Villages[1].Id, population = 1, households = 1, version = 1 },
            _ when pattern.StartsWith("/api/v1/users", StringComparison.Ordinal) =>
                new { userName = "x" + Guid.NewGuid().ToString("N")[..8], displayName = "越权账号", roles = new[] { "station-leader" }, orgUnitId = w.Stations[1].Id },
            _ => new { },
        };
    }

    [Fact]
    public async Task No_endpoint_leaks_or_changes_another_stations_records_and_none_answers_500()
    {
        var calls = await CallsAsync();
        var before = await SnapshotAsync();
        var failures = new List<string>();
        // Station 2's own accounts go last: they may legitimately change station 2, so the snapshot is
        // compared before they run.
        var ordered = AllAccounts.OrderBy(u => u.EndsWith('2') ? 1 : 0).ToList();
        foreach (var user in ordered) await app.As(user); // sign in first: the matrix resets passwords on the way
        foreach (var user in ordered)
        {
            if (user == ordered.First(u => u.EndsWith('2'))) Assert.Equal(before, await SnapshotAsync());
            var client = await app.As(user);
            var local = Station1Accounts.Contains(user);
            foreach (var call in calls)
            {
                if (call.Route.EndsWith("/auth/token", StringComparison.Ordinal) || call.Route.EndsWith("/auth/change-password", StringComparison.Ordinal)) continue;
                using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
                if (call.Body is not null) request.Content = JsonContent.Create(call.Body);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                if (status >= 500) failures.Add($"{user} {call.Method} {call.Url} → {status}");
                if (local && call.TargetsStation2 && status is >= 200 and < 300)
                    failures.Add($"{user} {call.Method} {call.Url} → {status} (station 2 reached)");
                if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{user} {call.Method} {call.Url} → {status} without problem details");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Lists_of_a_station_one_account_hold_nothing_of_station_two()
    {
        var station2Units = new[] { app.World.Stations[1].Id, app.World.Districts[1].Id, app.World.Villages[1].Id, app.World.Grids[1].Id };
        foreach (var user in Station1Accounts)
        {
            var client = await app.As(user);
            foreach (var url in new[] { "/api/v1/residents?pageSize=200", "/api/v1/members?pageSize=200", "/api/v1/org-units?pageSize=200", "/api/v1/org-units/roots", "/api/v1/disputes?pageSize=200" })
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.Forbidden) continue;
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{user} {url}: {(int)response.StatusCode} {text}");
                foreach (var id in station2Units.Concat(app.World.ResidentIds.Where(r => r.Key.EndsWith('2')).Select(r => r.Value)).Append(app.World.MemberIds[1]).Append(app.World.DisputeIds[1]))
                    Assert.DoesNotContain(id.ToString(), text);
            }
        }
    }

    [Fact]
    public async Task Separated_duties_each_see_only_their_own_admin_area()
    {
        var sys = await app.As("sysadmin");
        var sec = await app.As("secadmin");
        var aud = await app.As("auditor");
        Assert.Equal(HttpStatusCode.OK, (await sys.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sys.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sec.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sec.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aud.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aud.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aud.GetAsync("/api/v1/residents")).StatusCode);

        var both = await sys.PostAsJsonAsync("/api/v1/users", new { userName = "twohats", displayName = "两顶帽子", roles = new[] { "system-admin", "auditor" } });
        var problem = await ApiAssert.ProblemAsync(both, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不同账号", problem.GetRawText());
    }

    private async Task<string> SnapshotAsync() => await app.Factory.WithDbAsync(async db =>
    {
        var units = await db.OrgUnits.AsNoTracking().OrderBy(u => u.Code).Select(u => u.Code + ":" + u.Version + ":" + u.Path).ToListAsync();
        var residents = await db.Residents.AsNoTracking().Where(r => r.Name.EndsWith("2")).OrderBy(r => r.Name).Select(r => r.Name + ":" + r.Version).ToListAsync();
        var disputes = await db.Disputes.AsNoTracking().OrderBy(d => d.Number).Select(d => d.Number + ":" + d.Version + ":" + d.Status).ToListAsync();
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name + ":" + m.Version).ToListAsync();
        var known = app.World.UserIds.Values.ToList();
        var users = await db.Users.AsNoTracking().Where(u => known.Contains(u.Id)).OrderBy(u => u.UserName)
            .Select(u => u.UserName + ":" + u.IsDisabled + ":" + u.OrgUnitId).ToListAsync();
        return JsonSerializer.Serialize(new { units, residents, members, users, disputes });
    });
}
