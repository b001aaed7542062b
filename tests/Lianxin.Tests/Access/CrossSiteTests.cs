using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lianxin.Core.Audit;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Access;

/// <summary>A page of another site cannot make a signed-in browser change anything through the API: multipart
/// uploads and bodyless posts included. Requests from the app's own pages, and clients with a bearer token,
/// are unaffected.</summary>
public sealed class CrossSiteTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Evil = "https://evil.example";

    private static HttpRequestMessage Post(string url, HttpContent? body, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body };
        if (origin is not null)
            request.Headers.Add("Origin", origin);
        if (fetchSite is not null)
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return request;
    }

    private static MultipartFormDataContent ImportFile()
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("警情编号,报警时间\nX1,2026-01-01 08:00\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "forged.csv");
        return content;
    }

    public static TheoryData<string?, string?> Forged =>
        new()
        {
            { Evil, null },
            { "null", null },
            { null, "cross-site" },
            { Evil, "same-site" },
        };

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task A_cross_site_post_with_the_cookie_is_refused_and_changes_nothing(string? origin, string? fetchSite)
    {
        var leader = await CookieSignIn.ClientAsync(app.Factory, "leader1");
        var imports = await app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync());

        var upload = await leader.SendAsync(Post("/api/v1/incidents/imports", ImportFile(), origin, fetchSite));
        var problem = await ApiAssert.ProblemAsync(upload, HttpStatusCode.Forbidden);
        Assert.Equal("跨站请求被拒绝", problem.GetProperty("title").GetString());
        await ApiAssert.ProblemAsync(
            await leader.SendAsync(Post("/api/v1/notifications/read-all", null, origin, fetchSite)),
            HttpStatusCode.Forbidden
        );
        var admin = await CookieSignIn.ClientAsync(app.Factory, "sysadmin");
        await ApiAssert.ProblemAsync(
            await admin.SendAsync(Post($"/api/v1/users/{app.World.UserIds["officer1"]}/unlock", null, origin, fetchSite)),
            HttpStatusCode.Forbidden
        );

        Assert.Equal(imports, await app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync()));
        var leaderId = app.World.UserIds["leader1"];
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Refused && a.UserId == leaderId && a.Summary!.Contains("跨站"))
            )
        );
    }

    [Fact]
    public async Task The_apps_own_pages_and_bearer_clients_are_unaffected()
    {
        var leader = await CookieSignIn.ClientAsync(app.Factory, "leader1");
        var self = leader.BaseAddress!.GetLeftPart(UriPartial.Authority);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.SendAsync(Post("/api/v1/notifications/read-all", null, self))).StatusCode);
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await leader.SendAsync(Post("/api/v1/notifications/read-all", null, self, "same-origin"))).StatusCode
        );
        // A client outside any browser sends neither header: no page can have forged it.
        Assert.Equal(HttpStatusCode.NoContent, (await leader.SendAsync(Post("/api/v1/notifications/read-all", null))).StatusCode);
        // A bearer token is not sent by a browser on its own, whatever the origin says.
        var bearer = await app.As("leader1");
        Assert.Equal(HttpStatusCode.NoContent, (await bearer.SendAsync(Post("/api/v1/notifications/read-all", null, Evil))).StatusCode);
        // Reading stays open to the cookie: a cross-site GET cannot read the answer anyway.
        var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/notifications");
        get.Headers.Add("Origin", Evil);
        Assert.Equal(HttpStatusCode.OK, (await leader.SendAsync(get)).StatusCode);
    }
}
