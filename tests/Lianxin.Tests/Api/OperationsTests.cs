using System.Net;
using System.Text.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Api;

public sealed class OperationsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Health_endpoints_answer_without_sign_in()
    {
        using var client = app.Factory.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_in_chinese()
    {
        using var client = app.Factory.CreateClient();
        var doc = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/residents", paths);
        Assert.Contains("/api/v1/org-units/{id}", paths);
        Assert.Contains("群众", doc.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs")).StatusCode);
    }

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/lib/leaflet/leaflet.js")]
    [InlineData("/lib/echarts/echarts.min.js")]
    [InlineData("/js/app.js")]
    public async Task Scripts_are_served_by_the_app_itself(string path)
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = app.Factory.CreateClient();
        var response = await client.GetAsync("/account/login");
        Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options").Distinct());
        Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }
}
