using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lianxin.Tests.Access;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Api;

/// <summary>/openapi/v1.json tells the truth: every status the access matrix and the bad-input tests meet is
/// declared for the operation that answered it, and every operation declares its success and the problems of its
/// kind. The requests are replayed here on this class's own app, so the check does not depend on which test
/// class runs first.</summary>
public sealed partial class OpenApiTruthTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_status_the_access_matrix_and_the_bad_input_tests_receive_is_declared()
    {
        var declared = await DeclaredAsync();
        var received = new HashSet<(string Method, string Route, int Status)>();

        var calls = await AccessMatrixTests.CallsFor(app);
        var accounts = AccessMatrixTests.AccountsInOrder;
        foreach (var user in accounts)
            await app.As(user); // sign in first: the matrix resets passwords on the way
        foreach (var user in accounts)
            await SendAllAsync(await app.As(user), calls, received, user);
        using (var anonymous = app.Factory.CreateClient())
            await SendAllAsync(anonymous, calls, received, null);

        foreach (var sent in BadInputTests.Requests(app.World))
        {
            using var request = new HttpRequestMessage(new HttpMethod(sent.Method), sent.Url) { Content = sent.Body() };
            using var response = await (await app.As(sent.User)).SendAsync(request);
            if (sent.Route is not null)
                received.Add((sent.Method, Path(sent.Route), (int)response.StatusCode));
        }

        Assert.True(received.Count > 100, $"expected the whole API to be called, got {received.Count} outcomes");
        var undeclared = received
            .Where(r => !declared.TryGetValue((r.Method, r.Route), out var statuses) || !statuses.Contains(r.Status))
            .Select(r => $"{r.Method} {r.Route} → {r.Status}")
            .Order()
            .ToList();
        Assert.True(undeclared.Count == 0, "received but not in /openapi/v1.json:\n" + string.Join("\n", undeclared));
    }

    [Fact]
    public async Task Every_operation_declares_its_success_and_the_problems_of_its_kind()
    {
        var declared = await DeclaredAsync();
        var bodies = await WithBodyAsync();
        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var failures = new List<string>();
        var operations = 0;
        foreach (var e in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/v1", StringComparison.Ordinal))
                continue;
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var method in e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                operations++;
                var key = (method, Path(pattern));
                if (!declared.TryGetValue(key, out var statuses))
                {
                    failures.Add($"{method} {key.Item2}: not in the document");
                    continue;
                }
                var expected = new List<int>();
                if (!statuses.Any(s => s is >= 200 and < 300))
                    failures.Add($"{method} {key.Item2}: no success status");
                if (!anonymous)
                    expected.AddRange([401, 403]);
                if (pattern.Contains('{'))
                    expected.Add(404);
                if (bodies.Contains(key))
                    expected.AddRange([400, 422]);
                foreach (var status in expected.Where(s => !statuses.Contains(s)))
                    failures.Add($"{method} {key.Item2}: {status} not declared");
            }
        }
        Assert.True(operations > 100, $"expected the whole API, found {operations} operations");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private async Task SendAllAsync(
        HttpClient client,
        List<AccessMatrixTests.Call> calls,
        HashSet<(string, string, int)> received,
        string? user
    )
    {
        foreach (var call in calls)
        {
            if (AccessMatrixTests.Skipped(call))
                continue;
            // Sign-out goes with a session of its own, as in the matrix, so the account's other calls keep theirs.
            var ends = user is not null && AccessMatrixTests.EndsSession(call);
            using var own = ends ? await AccessMatrixTests.OwnSessionAsync(app, user!) : null;
            if (ends && own is null)
                continue;
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
            if (call.Body is not null)
                request.Content = JsonContent.Create(call.Body);
            using var response = await (own ?? client).SendAsync(request);
            received.Add((call.Method, Path(call.Route), (int)response.StatusCode));
        }
    }

    /// <summary>The statuses the document declares, per method and path.</summary>
    private async Task<Dictionary<(string Method, string Path), HashSet<int>>> DeclaredAsync()
    {
        using var client = app.Factory.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var declared = new Dictionary<(string, string), HashSet<int>>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (!operation.Value.TryGetProperty("responses", out var responses))
                continue;
            declared[(operation.Name.ToUpperInvariant(), Path(path.Name))] = responses
                .EnumerateObject()
                .Select(r => int.TryParse(r.Name, out var s) ? s : 0)
                .ToHashSet();
        }
        return declared;
    }

    /// <summary>The operations that take a request body.</summary>
    private async Task<HashSet<(string Method, string Path)>> WithBodyAsync()
    {
        using var client = app.Factory.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        return doc.GetProperty("paths")
            .EnumerateObject()
            .SelectMany(p =>
                p.Value.EnumerateObject()
                    .Where(o => o.Value.TryGetProperty("requestBody", out _))
                    .Select(o => (o.Name.ToUpperInvariant(), Path(p.Name)))
            )
            .ToHashSet();
    }

    /// <summary>A route template as the document writes it: no constraints, no trailing slash.</summary>
    private static string Path(string template) => Constraint().Replace(template, "{$1}").TrimEnd('/');

    [GeneratedRegex(@"\{([^}:]+):[^}]*\}")]
    private static partial Regex Constraint();
}
