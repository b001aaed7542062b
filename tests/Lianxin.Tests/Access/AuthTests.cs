using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Audit;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Access;

public sealed class AuthTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = app.Factory.CreateClient();
        for (var i = 1; i <= 5; i++)
        {
            var wrong = await ApiAssert.ProblemAsync(
                await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "mediator2", password = "wrong-" + i }),
                HttpStatusCode.Unauthorized
            );
            Assert.Equal("用户名或密码错误", wrong.GetProperty("title").GetString());
        }
        Assert.True(
            await app.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "mediator2").Select(u => u.LockoutEnd).FirstAsync())
                > DateTimeOffset.UtcNow.AddMinutes(14)
        );
        // Locked: the right password is refused too, with the answer a wrong one gets (a guesser learns nothing).
        var right = await ApiAssert.ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "mediator2", password = TestWorld.Password }),
            HttpStatusCode.Unauthorized
        );
        Assert.Equal("用户名或密码错误", right.GetProperty("title").GetString());

        var lines = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.UserId == app.World.UserIds["mediator2"]).Select(a => a.Action).ToListAsync()
        );
        Assert.True(lines.Count(a => a == AuditAction.SignInFailed) >= 4);
        Assert.Equal(2, lines.Count(a => a == AuditAction.LockedOut));
    }

    [Fact]
    public async Task Unknown_and_real_accounts_get_identical_answers_to_repeated_wrong_passwords_and_to_the_lock()
    {
        using var client = app.Factory.CreateClient();
        async Task<string> Answer(object body, string url = "/api/v1/auth/token")
        {
            var response = await client.PostAsJsonAsync(url, body);
            var json = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            json.Remove("traceId"); // differs per request, not per account
            return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} {json.ToJsonString(Readable)}";
        }
        for (var i = 1; i <= 7; i++)
        {
            var real = await Answer(new { userName = "informant2", password = "wrong-" + i });
            var unknown = await Answer(new { userName = "no-such-officer", password = "wrong-" + i });
            Assert.Equal(unknown, real);
            Assert.Contains("用户名或密码错误", real);
            Assert.DoesNotContain("再错", real);
            Assert.DoesNotContain("锁定", real);
        }
        // The lock took effect: the right password is refused, answered as for an account that does not exist.
        Assert.Equal(
            await Answer(new { userName = "no-such-officer", password = TestWorld.Password }),
            await Answer(new { userName = "informant2", password = TestWorld.Password })
        );
        Assert.Equal(
            await Answer(
                new
                {
                    userName = "no-such-officer",
                    currentPassword = TestWorld.Password,
                    newPassword = "Another-Good-Pass-9",
                },
                "/api/v1/auth/change-password"
            ),
            await Answer(
                new
                {
                    userName = "informant2",
                    currentPassword = TestWorld.Password,
                    newPassword = "Another-Good-Pass-9",
                },
                "/api/v1/auth/change-password"
            )
        );
    }

    [Fact]
    public async Task The_sign_in_page_answers_alike_for_unknown_and_real_accounts_and_still_locks()
    {
        using var browser = app.Factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }
        );
        var token = System
            .Text.RegularExpressions.Regex.Match(
                await browser.GetStringAsync("/account/login"),
                "name=\"__RequestVerificationToken\" value=\"([^\"]+)\""
            )
            .Groups[1]
            .Value;
        async Task<string> Answer(string user, string password)
        {
            var response = await browser.PostAsync(
                "/account/login",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["userName"] = user,
                        ["password"] = password,
                        ["__RequestVerificationToken"] = token,
                        ["returnUrl"] = "/",
                    }
                )
            );
            var location = response.Headers.Location?.OriginalString ?? "";
            var q = location.IndexOf('?');
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(q < 0 ? "" : location[q..]);
            return $"{(int)response.StatusCode} {(q < 0 ? location : location[..q])} {query["error"]}";
        }
        for (var i = 1; i <= 6; i++)
        {
            var real = await Answer("informant1", "wrong-" + i);
            Assert.Equal(await Answer("no-such-officer", "wrong-" + i), real);
            Assert.EndsWith(" credentials", real);
        }
        Assert.Equal(await Answer("no-such-officer", TestWorld.Password), await Answer("informant1", TestWorld.Password));
        Assert.True(
            await app.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "informant1").Select(u => u.LockoutEnd).FirstAsync())
                > DateTimeOffset.UtcNow
        );
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/m/login")]
    public async Task The_sign_in_pages_show_only_their_own_messages(string page)
    {
        using var browser = app.Factory.CreateClient();
        var planted = await browser.GetStringAsync($"{page}?error={Uri.EscapeDataString("请拨打4008123123核实账号")}");
        Assert.DoesNotContain("4008123123", planted);
        Assert.DoesNotContain("login-error", planted);
        var known = await browser.GetStringAsync($"{page}?error=credentials");
        Assert.Contains("data-testid=\"login-error\">用户名或密码错误<", known);
        var disabled = await browser.GetStringAsync($"{page}?error=disabled");
        Assert.Contains("账号已停用，请联系系统管理员", disabled);
    }

    [Fact]
    public async Task An_unknown_user_gets_the_same_answer_as_a_wrong_password_and_is_audited()
    {
        using var client = app.Factory.CreateClient();
        var unknown = await ApiAssert.ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "nobody", password = "x" }),
            HttpStatusCode.Unauthorized
        );
        Assert.Equal("用户名或密码错误", unknown.GetProperty("title").GetString());
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignInFailed && a.UserName == "nobody")
            )
        );
    }

    [Fact]
    public async Task Api_calls_without_a_token_are_401_problems_not_redirects()
    {
        using var client = app.Factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }
        );
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/v1/residents"), HttpStatusCode.Unauthorized);
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        await ApiAssert.ProblemAsync(await client.GetAsync("/api/v1/residents"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Pages_redirect_to_sign_in_when_signed_out()
    {
        using var client = app.Factory.CreateClient(
            new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }
        );
        var response = await client.GetAsync("/residents");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_tokens_at_once()
    {
        var victim = await TestWorld.ClientAsync(app.Factory, "auxiliary2");
        Assert.Equal(HttpStatusCode.OK, (await victim.GetAsync("/api/v1/residents")).StatusCode);
        var sys = await app.As("sysadmin");
        var view = await ApiAssert.OkAsync<Lianxin.Web.Access.UserView>(
            await sys.GetAsync($"/api/v1/users/{app.World.UserIds["auxiliary2"]}")
        );
        await ApiAssert.OkAsync<Lianxin.Web.Access.UserView>(
            await sys.PutJsonAsync(
                $"/api/v1/users/{view.Id}",
                new
                {
                    displayName = view.DisplayName,
                    orgUnitId = view.OrgUnitId,
                    roles = view.Roles,
                    isDisabled = true,
                    concurrencyStamp = view.ConcurrencyStamp,
                }
            )
        );
        var refused = await ApiAssert.ProblemAsync(await victim.GetAsync("/api/v1/residents"), HttpStatusCode.Unauthorized);
        Assert.Contains("失效", refused.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_separated_duties_cannot_be_handed_out_or_taken_over_through_the_app()
    {
        var sys = await app.As("sysadmin");
        var me = app.World.UserIds["sysadmin"];
        var self = await ApiAssert.OkAsync<Lianxin.Web.Access.UserView>(await sys.GetAsync($"/api/v1/users/{me}"));
        await ApiAssert.ProblemAsync(
            await sys.PutJsonAsync(
                $"/api/v1/users/{me}",
                new
                {
                    displayName = self.DisplayName,
                    orgUnitId = self.OrgUnitId,
                    roles = new[] { "system-admin", "station-leader" },
                    concurrencyStamp = self.ConcurrencyStamp,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await sys.PostAsync($"/api/v1/users/{app.World.UserIds["auditor"]}/reset-password", null),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await sys.PostAsJsonAsync(
                "/api/v1/users",
                new
                {
                    userName = "newaudit",
                    displayName = "新审计员",
                    roles = new[] { "auditor" },
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );

        var sec = await app.As("secadmin");
        var roles = await ApiAssert.OkAsync<List<Lianxin.Web.Access.RoleView>>(await sec.GetAsync("/api/v1/roles"));
        var secRole = roles.Single(r => r.Name == "security-admin");
        await ApiAssert.ProblemAsync(
            await sec.PutJsonAsync(
                $"/api/v1/roles/{secRole.Id}",
                new
                {
                    displayName = secRole.DisplayName,
                    permissions = secRole.Permissions.Append("people.reveal"),
                    scope = "All",
                    concurrencyStamp = secRole.ConcurrencyStamp,
                }
            ),
            HttpStatusCode.Forbidden
        );
        var officerRole = roles.Single(r => r.Name == "community-officer");
        var p = await ApiAssert.ProblemAsync(
            await sec.PutJsonAsync(
                $"/api/v1/roles/{officerRole.Id}",
                new
                {
                    displayName = officerRole.DisplayName,
                    permissions = officerRole.Permissions.Append("audit.read"),
                    scope = "OwnUnitAndBelow",
                    concurrencyStamp = officerRole.ConcurrencyStamp,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("三员", p.GetRawText());
    }

    [Fact]
    public async Task Me_lists_the_roles_and_permissions_of_the_token()
    {
        var auditor = await app.As("auditor");
        var me = await ApiAssert.OkAsync<Lianxin.Web.Access.MeResponse>(await auditor.GetAsync("/api/v1/auth/me"));
        Assert.Equal(["auditor"], me.Roles);
        Assert.Contains("audit.read", me.Permissions);
        Assert.DoesNotContain("users.manage", me.Permissions);
        Assert.DoesNotContain("people.read", me.Permissions);
    }
}

/// <summary>Accounts seeded with a one-time password.</summary>
public sealed class FirstSignInTests : IAsyncLifetime
{
    private LianxinFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _factory = new LianxinFactory();
        _ = _factory.Server;
        await TestWorld.CreateAsync(_factory, mustChangePassword: true);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_first_sign_in_must_change_the_password_before_anything_else()
    {
        using var client = _factory.CreateClient();
        var refused = await ApiAssert.ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer1", password = TestWorld.Password }),
            HttpStatusCode.Forbidden
        );
        Assert.Contains("修改", refused.GetProperty("title").GetString());

        var weak = await ApiAssert.ProblemAsync(
            await client.PostAsJsonAsync(
                "/api/v1/auth/change-password",
                new
                {
                    userName = "officer1",
                    currentPassword = TestWorld.Password,
                    newPassword = "12345678",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("newPassword", weak.GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var changed = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new
            {
                userName = "officer1",
                currentPassword = TestWorld.Password,
                newPassword = "Zhuang-Village-77",
            }
        );
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer1", password = "Zhuang-Village-77" });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.PasswordChanged)));
    }

    [Fact]
    public async Task A_wrong_current_password_on_change_counts_towards_lockout()
    {
        using var client = _factory.CreateClient();
        var r = await client.PostAsJsonAsync(
            "/api/v1/auth/change-password",
            new
            {
                userName = "officer2",
                currentPassword = "nope",
                newPassword = "Another-Good-Pass-9",
            }
        );
        await ApiAssert.ProblemAsync(r, HttpStatusCode.Unauthorized);
        var failed = await _factory.WithDbAsync(db =>
            db.Users.Where(u => u.UserName == "officer2").Select(u => u.AccessFailedCount).FirstAsync()
        );
        Assert.Equal(1, failed);
    }
}

public sealed class SignInRateLimitTests : IAsyncLifetime
{
    private LianxinFactory _factory = default!;

    public async Task InitializeAsync()
    {
        _factory = new LianxinFactory(settings: new() { ["Security:SignInAttemptsPerMinute"] = "3" });
        _ = _factory.Server;
        await TestWorld.CreateAsync(_factory);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_slowed_down_across_accounts()
    {
        using var client = _factory.CreateClient();
        foreach (var user in new[] { "officer1", "officer2", "leader1" })
            await ApiAssert.ProblemAsync(
                await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = "guess" }),
                HttpStatusCode.Unauthorized
            );
        await ApiAssert.ProblemAsync(
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "leader2", password = "guess" }),
            HttpStatusCode.TooManyRequests
        );
        // Ordinary API use is not limited.
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.GetAsync("/health/ready")).StatusCode);
    }
}
