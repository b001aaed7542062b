using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Disputes;

public sealed class QuickReportSqliteTests(SqliteApp app) : QuickReportTests(app), IClassFixture<SqliteApp>;

public sealed class QuickReportPostgresTests(PostgresApp app) : QuickReportTests(app), IClassFixture<PostgresApp>;

/// <summary>A household head (信息员) reports from a phone: only in their own village, sees only their own
/// reports, cannot mediate, and the community officer hears of it at once.</summary>
public abstract partial class QuickReportTests(AppFixture app)
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private async Task<HttpClient> PhoneAsync(string user)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var page = await client.GetStringAsync("/m/login");
        var response = await client.PostAsync(
            "/account/login",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["userName"] = user,
                    ["password"] = TestWorld.Password,
                    ["mobile"] = "1",
                    ["returnUrl"] = "/m/disputes",
                    ["__RequestVerificationToken"] = TokenField().Match(page).Groups[1].Value,
                }
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> SubmitAsync(
        HttpClient phone,
        Dictionary<string, string> fields,
        params (string Name, byte[] Data)[] photos
    )
    {
        var page = await phone.GetStringAsync("/m/disputes/new");
        var form = new MultipartFormDataContent
        {
            { new StringContent(TokenField().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("quick-dispute"), "_handler" },
        };
        foreach (var (k, v) in fields)
            form.Add(new StringContent(v), k);
        foreach (var (name, data) in photos)
        {
            var part = new ByteArrayContent(data);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", name);
        }
        return await phone.PostAsync("/m/disputes/new", form);
    }

    private Dictionary<string, string> Chickens(Guid unit, string description) =>
        new()
        {
            ["Input.CategoryCode"] = "neighbour",
            ["Input.OrgUnitId"] = unit.ToString(),
            ["Input.Address"] = "三组 5 号",
            ["Input.Description"] = description,
            ["Input.Applicant"] = "张某",
            ["Input.Respondent"] = "程某",
            ["Input.Source"] = "HouseholdHead",
        };

    [Fact]
    public async Task A_household_head_reports_from_a_phone_with_a_photo_and_the_officer_is_told()
    {
        var phone = await PhoneAsync("informant1");
        var form = await phone.GetStringAsync("/m/disputes/new");
        Assert.Contains(app.World.Villages[0].Id.ToString(), form);
        Assert.DoesNotContain(app.World.Villages[1].Id.ToString(), form);

        var text = $"程家的鸡跑进张家菜地吃菜，两家吵起来了 {Guid.NewGuid():N}";
        var response = await SubmitAsync(
            phone,
            Chickens(app.World.Villages[0].Id, text),
            ("菜地.jpg", [.. Jpeg, .. Guid.NewGuid().ToByteArray()])
        );
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/m/disputes?created=JF-", response.Headers.Location!.OriginalString);

        var d = await app.Factory.WithDbAsync(db => db.Disputes.AsNoTracking().SingleAsync(x => x.Description == text));
        Assert.Equal(DisputeSource.HouseholdHead, d.Source);
        Assert.Equal(app.World.UserIds["informant1"], d.RegisteredById);
        Assert.Equal(2, d.Parties.Count);
        Assert.Equal(1, await app.Factory.WithDbAsync(db => db.DisputeAttachments.CountAsync(a => a.DisputeId == d.Id)));
        var told = await app.Factory.WithDbAsync(db =>
            db.Notifications.CountAsync(n => n.UserId == app.World.UserIds["officer1"] && n.Link == $"/disputes/{d.Id}")
        );
        Assert.Equal(1, told);
        Assert.Equal(
            0,
            await app.Factory.WithDbAsync(db =>
                db.Notifications.CountAsync(n => n.UserId == app.World.UserIds["officer2"] && n.Link == $"/disputes/{d.Id}")
            )
        );

        var list = await phone.GetStringAsync("/m/disputes");
        Assert.Contains(d.Number, list);
        Assert.DoesNotContain("JF-TEST-1", list); // the station's other disputes are not theirs to see
    }

    [Fact]
    public async Task A_bad_report_is_shown_again_with_its_errors_and_nothing_is_stored()
    {
        var phone = await PhoneAsync("informant1");
        var before = await app.Factory.WithDbAsync(db => db.Disputes.CountAsync());
        var missing = Chickens(app.World.Villages[0].Id, "");
        missing["Input.CategoryCode"] = "";
        var response = await SubmitAsync(phone, missing);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("请选择纠纷类别", html);

        var notAPhoto = await SubmitAsync(
            phone,
            Chickens(app.World.Villages[0].Id, "有照片的上报"),
            ("病毒.jpg", "MZ\u0090\0"u8.ToArray())
        );
        Assert.Contains("不是 jpg、png 或 webp 照片", await notAPhoto.Content.ReadAsStringAsync());

        var elsewhere = await SubmitAsync(phone, Chickens(app.World.Villages[1].Id, "别的派出所辖区的纠纷"));
        Assert.Contains("请选择发生地点", await elsewhere.Content.ReadAsStringAsync());
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Disputes.CountAsync()));
    }

    [Fact]
    public async Task Through_the_api_a_household_head_registers_only_at_home_sees_only_their_own_and_cannot_mediate()
    {
        var informant = await app.As("informant1");
        var body = new
        {
            title = "宅基地边界争议",
            categoryCode = "neighbour",
            source = "SecurityCommittee",
            orgUnitId = app.World.Grids[0].Id,
            description = "两家为院墙位置争执",
            parties = new object[] { new { role = "Applicant", name = "王某" } },
        };
        var d = await ApiAssert.OkAsync<DisputeDetail>(await informant.PostAsJsonAsync("/api/v1/disputes", body), HttpStatusCode.Created);
        await ApiAssert.ProblemAsync(
            await informant.PostAsJsonAsync("/api/v1/disputes", body with { orgUnitId = app.World.Villages[1].Id }),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await informant.PostAsJsonAsync("/api/v1/disputes", body with { orgUnitId = app.World.Districts[0].Id }),
            HttpStatusCode.Forbidden
        );

        var mine = await ApiAssert.OkAsync<PagedResult<DisputeRow>>(await informant.GetAsync("/api/v1/disputes?pageSize=200"));
        Assert.Contains(mine.Items, r => r.Id == d.Summary.Id);
        Assert.All(mine.Items, r => Assert.NotEqual(app.World.DisputeIds[0], r.Id));
        await ApiAssert.ProblemAsync(await informant.GetAsync($"/api/v1/disputes/{app.World.DisputeIds[0]}"), HttpStatusCode.NotFound);
        using var step = await informant.PostAsJsonAsync(
            $"/api/v1/disputes/{d.Summary.Id}/actions",
            new
            {
                action = "Triage",
                jurisdiction = "PoliceSimple",
                version = d.Summary.Version,
            }
        );
        Assert.Equal(HttpStatusCode.Forbidden, step.StatusCode);
    }
}

public sealed class UnitFromAddressSqliteTests(SqliteApp app) : UnitFromAddressTests(app), IClassFixture<SqliteApp>;

public sealed class UnitFromAddressPostgresTests(PostgresApp app) : UnitFromAddressTests(app), IClassFixture<PostgresApp>;

/// <summary>Registration picks the dispute's unit from its address where residents are registered there.</summary>
public abstract class UnitFromAddressTests(AppFixture app)
{
    private sealed record Guess(Guid? OrgUnitId);

    [Fact]
    public async Task An_address_with_residents_names_their_unit_within_scope_only()
    {
        var officer = await app.As("officer1");
        var street = $"东峪村七组{Random.Shared.Next(100, 999)}号";
        using var created = await officer.PostAsJsonAsync(
            "/api/v1/residents",
            new
            {
                name = "王五",
                orgUnitId = app.World.Grids[0].Id,
                address = street,
            }
        );
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var guess = await ApiAssert.OkAsync<Guess>(
            await officer.GetAsync($"/api/v1/disputes/unit-for-address?address={Uri.EscapeDataString(street + "门前空地")}")
        );
        Assert.Equal(app.World.Grids[0].Id, guess.OrgUnitId);
        var none = await ApiAssert.OkAsync<Guess>(
            await officer.GetAsync($"/api/v1/disputes/unit-for-address?address={Uri.EscapeDataString("西峪村九组1号")}")
        );
        Assert.Null(none.OrgUnitId);
        var other = await app.As("officer2");
        var hidden = await ApiAssert.OkAsync<Guess>(
            await other.GetAsync($"/api/v1/disputes/unit-for-address?address={Uri.EscapeDataString(street)}")
        );
        Assert.Null(hidden.OrgUnitId);
        await ApiAssert.ProblemAsync(
            await officer.GetAsync($"/api/v1/disputes/unit-for-address?address={new string('村', 300)}"),
            HttpStatusCode.UnprocessableEntity
        );
    }
}
