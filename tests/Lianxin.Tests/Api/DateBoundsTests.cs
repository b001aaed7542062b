using System.Net;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Common;
using Lianxin.Tests.Access;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Api;

/// <summary>Every date the API document names, in a query or at the top of a JSON body, refuses the calendar's ends
/// (0001-01-01, 9999-12-31) and the days just past the platform's bounds with a 422 that names the field, and
/// writes nothing; the bounds themselves are accepted. Read from /openapi/v1.json, so a new endpoint is probed
/// without editing this test.</summary>
public sealed class DateBoundsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly string[] BadDays = ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01-01"];

    private sealed record DateField(string Method, string Path, string Name, bool InQuery, bool IsInstant, bool Declares422);

    private async Task<List<DateField>> DateFieldsAsync()
    {
        using var client = app.Factory.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var fields = new List<DateField>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        foreach (var op in path.Value.EnumerateObject())
        {
            var method = op.Name.ToUpperInvariant();
            var declares = op.Value.TryGetProperty("responses", out var responses) && responses.TryGetProperty("422", out _);
            if (op.Value.TryGetProperty("parameters", out var parameters))
                foreach (var p in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
                    if (DateFormat(p.GetProperty("schema"), schemas) is { } f)
                        fields.Add(new(method, path.Name, p.GetProperty("name").GetString()!, true, f == "date-time", declares));
            if (
                op.Value.TryGetProperty("requestBody", out var body)
                && body.GetProperty("content").TryGetProperty("application/json", out var json)
                && Resolve(json.GetProperty("schema"), schemas) is { } schema
                && schema.TryGetProperty("properties", out var properties)
            )
                foreach (var p in properties.EnumerateObject())
                    if (DateFormat(p.Value, schemas) is { } f)
                        fields.Add(new(method, path.Name, p.Name, false, f == "date-time", declares));
        }
        return fields;
    }

    private static JsonElement? Resolve(JsonElement schema, JsonElement schemas) =>
        schema.TryGetProperty("$ref", out var r) ? schemas.GetProperty(r.GetString()!.Split('/')[^1]) : schema;

    private static string? DateFormat(JsonElement schema, JsonElement schemas)
    {
        if (Resolve(schema, schemas) is not { } s)
            return null;
        if (s.TryGetProperty("format", out var f) && f.GetString() is "date" or "date-time")
            return f.GetString();
        if (s.TryGetProperty("oneOf", out var any) || s.TryGetProperty("anyOf", out any))
            return any.EnumerateArray().Select(a => DateFormat(a, schemas)).FirstOrDefault(x => x is not null);
        return null;
    }

    private static string Value(DateField field, string day) => field.IsInstant ? day + "T00:00:00+00:00" : day;

    private static HttpRequestMessage Request(DateField field, string value)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(field.Path, @"\{[^}]+\}", Guid.NewGuid().ToString());
        if (field.InQuery)
            return new(new HttpMethod(field.Method), $"{path}?{field.Name}={Uri.EscapeDataString(value)}");
        return new(new HttpMethod(field.Method), path)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new Dictionary<string, string> { [field.Name] = value }),
                Encoding.UTF8,
                "application/json"
            ),
        };
    }

    [Fact]
    public async Task Every_date_in_the_document_refuses_the_calendars_ends_with_a_422_naming_it()
    {
        var fields = await DateFieldsAsync();
        // The list, export and figures endpoints of incidents, clusters, directives, activities and tips at least.
        Assert.True(fields.Count >= 15, $"expected the API's date parameters, found {fields.Count}");
        foreach (var user in AccessMatrixTests.AccountsInOrder)
            await app.As(user);
        var failures = new List<string>();
        failures.AddRange(fields.Where(f => !f.Declares422).Select(f => $"{f.Method} {f.Path}: 422 not declared").Distinct());
        foreach (var field in fields)
        foreach (var day in BadDays)
        {
            var answered = false;
            foreach (var user in AccessMatrixTests.AccountsInOrder)
            {
                using var response = await (await app.As(user)).SendAsync(Request(field, Value(field, day)));
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    continue;
                answered = true;
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.UnprocessableEntity)
                    failures.Add($"{field.Method} {field.Path} {field.Name}={day} as {user}: {(int)response.StatusCode} {text}");
                else if (
                    !JsonDocument
                        .Parse(text)
                        .RootElement.GetProperty("errors")
                        .EnumerateObject()
                        .Any(e => e.Name.Equals(field.Name, StringComparison.OrdinalIgnoreCase))
                )
                    failures.Add($"{field.Method} {field.Path} {field.Name}={day}: the 422 does not name the field: {text}");
                break;
            }
            if (!answered)
                failures.Add($"{field.Method} {field.Path} {field.Name}: no account reaches it");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task The_bounds_themselves_are_accepted()
    {
        var leader = await app.As("leader1");
        foreach (var url in new[] { "/api/v1/incidents", "/api/v1/volunteers/tips", "/api/v1/volunteers/activities" })
        {
            var min = await leader.GetAsync($"{url}?from={DateBounds.Min:yyyy-MM-dd}");
            var max = await leader.GetAsync($"{url}?to={DateBounds.Max:yyyy-MM-dd}");
            Assert.True(min.StatusCode != HttpStatusCode.InternalServerError && max.StatusCode != HttpStatusCode.InternalServerError, url);
            Assert.NotEqual(HttpStatusCode.UnprocessableEntity, max.StatusCode);
        }
    }

    [Fact]
    public void A_day_past_the_bounds_is_refused_as_input_not_an_overflow()
    {
        var e = Assert.Throws<ValidationFailedException>(() => ChinaTime.StartUtc(DateOnly.MinValue));
        Assert.Equal(DateBounds.Message, e.Message);
        Assert.Throws<ValidationFailedException>(() => ChinaTime.StartUtc(DateOnly.MaxValue));
        Assert.Equal(new DateTimeOffset(2100, 12, 31, 16, 0, 0, TimeSpan.Zero), ChinaTime.StartUtc(DateBounds.Max.AddDays(1)));
        Assert.False(DateBounds.Accepts(DateTimeOffset.MinValue));
        Assert.False(DateBounds.Accepts(new DateOnly(9999, 12, 31)));
        Assert.True(DateBounds.Accepts(new DateOnly(1900, 1, 1)));
        Assert.True(DateBounds.Accepts("not a date"));
    }
}
