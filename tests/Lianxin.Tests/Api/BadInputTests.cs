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

    [Theory]
    [InlineData("{\"name\": \"张\", ")]                          // cut off
    [InlineData("not json at all")]
    [InlineData("{\"name\": 12, \"orgUnitId\": \"abc\"}")]       // wrong types
    [InlineData("{\"name\": \"张\", \"tags\": \"独居\"}")]       // string for a list
    [InlineData("[1,2,3]")]
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
        var problem = await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync("/api/v1/residents", new
        {
            name = new string('张', 65), address = new string('路', 201), orgUnitId = app.World.Grids[0].Id,
            tags = Enumerable.Range(0, 21).Select(i => "标签" + i).ToArray(),
        }), HttpStatusCode.UnprocessableEntity);
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
        var huge = "{\"name\":\"" + new string('a', 40_000_000) + "\"}";
        var response = await officer.PostAsync("/api/v1/residents", Raw(huge));
        Assert.True((int)response.StatusCode is 400 or 413 or 422, $"got {(int)response.StatusCode}");
        Assert.Equal(before, await Residents());
    }

    [Theory]
    [InlineData("/api/v1/residents/not-a-guid")]
    [InlineData("/api/v1/org-units/12345")]
    [InlineData("/api/v1/residents?page=abc")]
    [InlineData("/api/v1/org-units?kind=Palace")]
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
        var problem = await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync("/api/v1/residents", new
        {
            name = "王五", idNumber = "12345", phone = "12345", orgUnitId = app.World.Grids[0].Id,
        }), HttpStatusCode.UnprocessableEntity);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("idNumber", out _));
        Assert.True(errors.TryGetProperty("phone", out _));
    }

    [Fact]
    public async Task Unknown_json_enum_values_are_a_400()
    {
        var leader = await app.As("leader1");
        var response = await leader.PostAsJsonAsync("/api/v1/org-units", new { code = "Q1", name = "宫殿", kind = "Palace", parentId = app.World.Villages[0].Id });
        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }
}
