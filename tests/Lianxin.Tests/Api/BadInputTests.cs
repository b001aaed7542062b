using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Api;

/// <summary>Malformed, mistyped, oversized and hostile input gets a clear 4xx and changes nothing.</summary>
public sealed class BadInputTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private Task<int> Residents() => app.Factory.WithDbAsync(db => db.Residents.CountAsync());

    private static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static readonly TheoryData<string> MalformedBodies = new()
    {
        "{\"name\": \"张\", ", // cut off
        "not json at all",
        "{\"name\": 12, \"orgUnitId\": \"abc\"}", // wrong types
        "{\"name\": \"张\", \"tags\": \"独居\"}", // string for a list
        "[1,2,3]",
    };

    public static readonly TheoryData<string> BadUrls = new()
    {
        "/api/v1/residents/not-a-guid",
        "/api/v1/org-units/12345",
        "/api/v1/residents?page=abc",
        "/api/v1/org-units?kind=Palace",
        "/api/v1/disputes/reported/not-a-guid",
        "/api/v1/disputes/reported?page=abc",
        // Page tokens of the ledgers: not base64, not a token, a token of nothing, a token beside a page number.
        "/api/v1/residents?after=%25%25%25",
        "/api/v1/disputes?after=not-a-token",
        "/api/v1/incidents?after=aW5jaWRlbnRzLjEuMg",
        "/api/v1/incidents?page=2&after=x",
    };

    /// <summary>Query values of the wrong type on routes that are not lists, with the route each reaches.</summary>
    private static readonly (string Url, string Route)[] BadQueryRows =
    [
        ("/api/v1/agenda/today?top=abc", "/api/v1/agenda/today"),
        ("/api/v1/agenda/today?orgUnitId=not-a-guid", "/api/v1/agenda/today"),
        ("/api/v1/agenda/today?top=99999999999", "/api/v1/agenda/today"),
    ];

    public static TheoryData<string, string> BadQueries
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var (url, route) in BadQueryRows)
                data.Add(url, route);
            return data;
        }
    }

    private static object OversizedResident(TestWorld w) =>
        new
        {
            name = new string('张', 65),
            address = new string('路', 201),
            orgUnitId = w.Grids[0].Id,
            tags = Enumerable.Range(0, 21).Select(i => "标签" + i).ToArray(),
        };

    private static object InvalidResident(TestWorld w) =>
        new
        {
            name = "王五",
            idNumber = "12345",
            phone = "12345",
            orgUnitId = w.Grids[0].Id,
        };

    private static object UnknownKindUnit(TestWorld w) =>
        new
        {
            code = "Q1",
            name = "宫殿",
            kind = "Palace",
            parentId = w.Villages[0].Id,
        };

    /// <summary>Refresh requests that are not JSON, mistyped, or carry a token nobody issued (forged, huge).</summary>
    public static readonly TheoryData<string> RefreshBodies = new()
    {
        "not json at all",
        "{\"refreshToken\": 12}",
        "{}",
        "{\"refreshToken\": \"not-a-token\"}",
        "{\"refreshToken\": \"CfDJ8" + new string('A', 300) + "\"}",
        "{\"refreshToken\": \"" + new string('A', 20_000) + "\"}",
    };

    private static string HugeBody() => "{\"name\":\"" + new string('a', 40_000_000) + "\"}";

    /// <summary>One bad request of these tests: who sends it, and the route template it reaches (null when none
    /// matches).</summary>
    internal sealed record Sent(string User, string Method, string Url, Func<HttpContent?> Body, string? Route);

    /// <summary>Every request these tests send, so the API document's truth test can replay them.</summary>
    internal static IEnumerable<Sent> Requests(TestWorld w)
    {
        foreach (var body in MalformedBodies)
            yield return new("officer1", "POST", "/api/v1/residents", () => Raw(body), "/api/v1/residents/");
        yield return new("officer1", "POST", "/api/v1/residents", () => JsonContent.Create(OversizedResident(w)), "/api/v1/residents/");
        yield return new("officer1", "POST", "/api/v1/residents", () => Raw(HugeBody()), "/api/v1/residents/");
        yield return new("officer1", "POST", "/api/v1/residents", () => JsonContent.Create(InvalidResident(w)), "/api/v1/residents/");
        yield return new("leader1", "POST", "/api/v1/org-units", () => JsonContent.Create(UnknownKindUnit(w)), "/api/v1/org-units/");
        foreach (var body in RefreshBodies)
            yield return new("officer1", "POST", "/api/v1/auth/refresh", () => Raw(body), "/api/v1/auth/refresh");
        foreach (var url in BadUrls)
        {
            var u = url;
            // A value that breaks a route constraint matches no route: nothing of the document to hold it to.
            var route = u.Contains('?') ? u[..u.IndexOf('?')] + "/" : null;
            yield return new("leader1", "GET", u, () => null, route);
        }
        foreach (var (url, route) in BadQueryRows)
            yield return new("leader1", "GET", url, () => null, route);
    }

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task Mistyped_query_values_are_a_400_problem(string url, string route)
    {
        var leader = await app.As("leader1");
        await ApiAssert.ProblemAsync(await leader.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.StartsWith(route, url, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Malformed_or_mistyped_json_is_a_400_problem_and_writes_nothing(string body)
    {
        var officer = await app.As("officer1");
        var before = await Residents();
        var problem = await ApiAssert.ProblemAsync(await officer.PostAsync("/api/v1/residents", Raw(body)), HttpStatusCode.BadRequest);
        Assert.Contains("请求", problem.GetProperty("title").GetString());
        Assert.Equal(before, await Residents());
    }

    [Fact]
    public async Task Oversized_fields_are_refused_field_by_field()
    {
        var officer = await app.As("officer1");
        var before = await Residents();
        var problem = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", OversizedResident(app.World)),
            HttpStatusCode.UnprocessableEntity
        );
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("address", out _));
        Assert.True(errors.TryGetProperty("tags", out _));
        Assert.Equal(before, await Residents());
    }

    [Fact]
    public async Task A_huge_body_is_refused()
    {
        var officer = await app.As("officer1");
        var before = await Residents();
        var response = await officer.PostAsync("/api/v1/residents", Raw(HugeBody()));
        Assert.True((int)response.StatusCode is 400 or 413 or 422, $"got {(int)response.StatusCode}");
        Assert.Equal(before, await Residents());
    }

    [Theory]
    [MemberData(nameof(BadUrls))]
    public async Task Bad_route_and_query_values_are_4xx_not_500(string url)
    {
        var leader = await app.As("leader1");
        var response = await leader.GetAsync(url);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Invalid_phone_and_id_are_both_reported_at_once()
    {
        var officer = await app.As("officer1");
        var problem = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/residents", InvalidResident(app.World)),
            HttpStatusCode.UnprocessableEntity
        );
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("idNumber", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
    }

    [Theory]
    [MemberData(nameof(RefreshBodies))]
    public async Task A_malformed_refresh_request_or_a_forged_refresh_token_is_a_4xx_problem(string body)
    {
        using var anonymous = app.Factory.CreateClient();
        var response = await anonymous.PostAsync("/api/v1/auth/refresh", Raw(body));
        var expected = body.StartsWith('{') && !body.Contains(": 12") ? HttpStatusCode.Unauthorized : HttpStatusCode.BadRequest;
        await ApiAssert.ProblemAsync(response, expected);
    }

    [Fact]
    public async Task An_access_token_is_no_refresh_token_and_a_forged_bearer_cannot_sign_out()
    {
        using var anonymous = app.Factory.CreateClient();
        var token = await (
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { userName = "mediator1", password = TestWorld.Password })
        ).Content.ReadFromJsonAsync<TestWorld.TokenResponse>();
        await ApiAssert.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token!.AccessToken }),
            HttpStatusCode.Unauthorized
        );
        using var forged = app.Factory.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken[..^4] + "AAAA");
        await ApiAssert.ProblemAsync(await forged.PostAsync("/api/v1/auth/sign-out", null), HttpStatusCode.Unauthorized);
        // Neither ended the real session.
        using var real = app.Factory.CreateClient();
        real.DefaultRequestHeaders.Authorization = new("Bearer", token.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await real.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Unknown_json_enum_values_are_a_400()
    {
        var leader = await app.As("leader1");
        var response = await leader.PostAsJsonAsync("/api/v1/org-units", UnknownKindUnit(app.World));
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
