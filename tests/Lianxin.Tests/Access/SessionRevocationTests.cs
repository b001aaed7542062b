using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Data;
using Lianxin.Tests.Support;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class SessionRevocationSqliteTests(SqliteApp app) : SessionRevocationTests(app), IClassFixture<SqliteApp>;

public sealed class SessionRevocationPostgresTests(PostgresApp app) : SessionRevocationTests(app), IClassFixture<PostgresApp>;

/// <summary>Sessions live on the server: sign-out, a password change, a password reset and disabling the account
/// end them at once, whatever copy of a cookie or token is replayed afterwards; refresh tokens rotate and a reused
/// one ends its session. Each test uses accounts of its own, as the class shares one app.</summary>
public abstract partial class SessionRevocationTests(AppFixture app)
{
    [Fact]
    public async Task A_cookie_kept_from_before_sign_out_is_refused_right_after_it()
    {
        var (browser, cookie) = await CookieSignInAsync("leader1");
        Assert.True(await CookieWorksAsync(cookie));
        var form = await browser.GetStringAsync("/account/change-password");
        var signOut = await browser.PostAsync(
            "/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TokenIn(form) })
        );
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        // At once, not after the security stamp's one-minute check: the API refuses and a page sends to sign-in.
        Assert.False(await CookieWorksAsync(cookie));
        using var replay = Bare();
        using var page = new HttpRequestMessage(HttpMethod.Get, "/places");
        page.Headers.Add("Cookie", cookie);
        var response = await replay.SendAsync(page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);

        var actions = await AuditActionsAsync("leader1");
        Assert.Contains(AuditAction.SignOut, actions);
        Assert.Contains(AuditAction.SessionRefused, actions);
    }

    [Fact]
    public async Task A_password_change_ends_the_accounts_other_sessions_but_not_the_one_that_made_it()
    {
        var (changer, _) = await CookieSignInAsync("officer1");
        var (_, other) = await CookieSignInAsync("officer1");
        var token = await TokenAsync("officer1");
        Assert.True(await CookieWorksAsync(other));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(token.AccessToken).GetAsync("/api/v1/auth/me")).StatusCode);

        var form = await changer.GetStringAsync("/account/change-password");
        var changed = await changer.PostAsync(
            "/account/change-password",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["currentPassword"] = TestWorld.Password,
                    ["newPassword"] = "Fresh-Officer-Pass-31",
                    ["confirmPassword"] = "Fresh-Officer-Pass-31",
                    ["__RequestVerificationToken"] = TokenIn(form),
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.DoesNotContain("error", changed.Headers.Location!.OriginalString);

        Assert.False(await CookieWorksAsync(other));
        await ApiAssert.ProblemAsync(await Bearer(token.AccessToken).GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await RefreshAsync(token.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await changer.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_cookie_token_and_refresh_token_at_once()
    {
        var (_, cookie) = await CookieSignInAsync("auxiliary1");
        var token = await TokenAsync("auxiliary1");
        Assert.True(await CookieWorksAsync(cookie));

        var sys = await app.As("sysadmin");
        var view = await ApiAssert.OkAsync<UserView>(await sys.GetAsync($"/api/v1/users/{app.World.UserIds["auxiliary1"]}"));
        await ApiAssert.OkAsync<UserView>(
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

        Assert.False(await CookieWorksAsync(cookie));
        await ApiAssert.ProblemAsync(await Bearer(token.AccessToken).GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await RefreshAsync(token.RefreshToken), HttpStatusCode.Unauthorized);
        var id = app.World.UserIds["auxiliary1"];
        Assert.True(
            await app.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SessionsEnded && a.EntityId == id))
        );
    }

    [Fact]
    public async Task Signing_out_through_the_api_ends_that_token_and_its_refresh_token_only()
    {
        var first = await TokenAsync("mediator1");
        var second = await TokenAsync("mediator1");
        var response = await Bearer(first.AccessToken).PostAsync("/api/v1/auth/sign-out", null);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        await ApiAssert.ProblemAsync(await Bearer(first.AccessToken).GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await RefreshAsync(first.RefreshToken), HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(second.AccessToken).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    [Fact]
    public async Task A_refresh_token_is_good_once_and_its_reuse_ends_the_whole_session()
    {
        var issued = await TokenAsync("volunteer1");
        var refreshed = await ApiAssert.OkAsync<TestWorld.TokenResponse>(await RefreshAsync(issued.RefreshToken));
        Assert.NotEqual(issued.RefreshToken, refreshed.RefreshToken);
        Assert.NotEqual(issued.AccessToken, refreshed.AccessToken);
        var me = await ApiAssert.OkAsync<MeResponse>(await Bearer(refreshed.AccessToken).GetAsync("/api/v1/auth/me"));
        Assert.Equal("volunteer1", me.UserName);

        // The first refresh token again: someone kept a copy. The session ends, with every token it issued.
        await ApiAssert.ProblemAsync(await RefreshAsync(issued.RefreshToken), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await RefreshAsync(refreshed.RefreshToken), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await Bearer(refreshed.AccessToken).GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        await ApiAssert.ProblemAsync(await Bearer(issued.AccessToken).GetAsync("/api/v1/auth/me"), HttpStatusCode.Unauthorized);
        Assert.Contains(AuditAction.SessionsEnded, await AuditActionsAsync("volunteer1"));
        Assert.Contains(AuditAction.TokenRefreshed, await AuditActionsAsync("volunteer1"));
    }

    [Fact]
    public async Task Of_two_uses_of_one_refresh_token_at_the_same_time_at_most_one_succeeds()
    {
        var issued = await TokenAsync("officer2");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RefreshAsync(issued.RefreshToken)));
        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"{a.StatusCode}"));
    }

    [Fact]
    public async Task An_open_tab_is_signed_out_at_its_next_event_once_its_session_has_ended()
    {
        await using var circuit = app.Factory.Services.CreateAsyncScope();
        var userId = app.World.UserIds["bureau"];
        var session = await app.Factory.WithScopeAsync(async sp =>
        {
            var started = sp.GetRequiredService<UserSessions>().Start(userId, UserSession.Cookie);
            await sp.GetRequiredService<LianxinDbContext>().SaveChangesAsync();
            return started.Id;
        });
        var state = (RevalidatingAuthState)circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var principal = new ClaimsPrincipal(
            new ClaimsIdentity(
                [
                    new Claim(ClaimTypes.NameIdentifier, userId),
                    new Claim(ClaimTypes.Name, "bureau"),
                    new Claim(LianxinClaims.SessionId, session.ToString()),
                ],
                "Identity.Application"
            )
        );
        state.SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        Assert.True(await state.EndIfSessionEndedAsync());

        await app.Factory.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<UserSessions>().EndAsync(session, UserSessions.SignedOut);
            return 0;
        });
        Assert.False(await state.EndIfSessionEndedAsync());
        Assert.False((await state.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task None_of_the_last_five_passwords_may_come_back_and_the_sixth_may()
    {
        var passwords = new[] { TestWorld.Password, "Hist-Pass-2026-a1", "Hist-Pass-2026-b2", "Hist-Pass-2026-c3", "Hist-Pass-2026-d4" };
        for (var i = 1; i < passwords.Length; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync("resident1", passwords[i - 1], passwords[i])).StatusCode);
        foreach (var old in passwords[..^1])
        {
            var refused = await ApiAssert.ProblemAsync(
                await ChangeAsync("resident1", passwords[^1], old),
                HttpStatusCode.UnprocessableEntity
            );
            Assert.Contains("新密码不能与最近 5 次使用过的密码相同", refused.GetProperty("errors").GetProperty("newPassword").GetRawText());
        }
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync("resident1", passwords[^1], "Hist-Pass-2026-e5")).StatusCode);
        // Now the first password is the sixth from the newest: allowed again. Only the four replaced ones are kept.
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync("resident1", "Hist-Pass-2026-e5", TestWorld.Password)).StatusCode);
        var kept = await app.Factory.WithDbAsync(db => db.PasswordHistory.CountAsync(h => h.UserId == app.World.UserIds["resident1"]));
        Assert.Equal(PasswordHistoryEntry.Remembered - 1, kept);
    }

    [Fact]
    public async Task After_an_administrators_reset_the_old_password_cannot_be_chosen_again()
    {
        var sys = await app.As("sysadmin");
        var reset = await ApiAssert.OkAsync<PasswordResetResponse>(
            await sys.PostAsync($"/api/v1/users/{app.World.UserIds["informant1"]}/reset-password", null)
        );
        var refused = await ApiAssert.ProblemAsync(
            await ChangeAsync("informant1", reset.InitialPassword, TestWorld.Password),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("最近 5 次", refused.GetRawText());
        Assert.Equal(
            HttpStatusCode.NoContent,
            (await ChangeAsync("informant1", reset.InitialPassword, "Brand-New-Informant-8")).StatusCode
        );
    }

    private Task<HttpResponseMessage> ChangeAsync(string user, string current, string next) =>
        Bare()
            .PostAsJsonAsync(
                "/api/v1/auth/change-password",
                new
                {
                    userName = user,
                    currentPassword = current,
                    newPassword = next,
                }
            );

    private HttpClient Bare() =>
        app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private HttpClient Bearer(string token)
    {
        var client = Bare();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<TestWorld.TokenResponse> TokenAsync(string user) =>
        await ApiAssert.OkAsync<TestWorld.TokenResponse>(
            await Bare().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password })
        );

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        Bare().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    /// <summary>Signs in through the sign-in form; returns the browser and a copy of its sign-in cookie as a
    /// Cookie header, to replay later as someone who kept it would.</summary>
    private async Task<(HttpClient Browser, string Cookie)> CookieSignInAsync(string user)
    {
        var browser = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/login");
        var response = await browser.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = user,
                    ["password"] = TestWorld.Password,
                    ["__RequestVerificationToken"] = TokenIn(form),
                    ["returnUrl"] = "/",
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        var cookie = string.Join(
            "; ",
            response
                .Headers.GetValues("Set-Cookie")
                .Where(c => c.StartsWith("lianxin.auth", StringComparison.Ordinal))
                .Select(c => c.Split(';')[0])
        );
        Assert.NotEmpty(cookie);
        return (browser, cookie);
    }

    private async Task<bool> CookieWorksAsync(string cookie)
    {
        using var client = Bare();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, $"{response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private Task<List<string>> AuditActionsAsync(string user) =>
        app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.UserId == app.World.UserIds[user]).Select(a => a.Action).ToListAsync()
        );

    private static string TokenIn(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
