using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Disputes;

public sealed class ReferralApiSqliteTests(SqliteApp app) : ReferralApiTests(app), IClassFixture<SqliteApp>;

public sealed class ReferralApiPostgresTests(PostgresApp app) : ReferralApiTests(app), IClassFixture<PostgresApp>;

public abstract class ReferralApiTests(AppFixture app)
{
    private const string Phone = "13800001234";

    private async Task<DisputeDetail> TriagedAsync(HttpClient c, int station = 0)
    {
        var body = new
        {
            title = "拖欠工资纠纷",
            categoryCode = "neighbour",
            source = "WalkIn",
            orgUnitId = app.World.Villages[station].Id,
            description = "工人李某称包工头欠薪三个月，身份证号130131198003150011",
            address = "东峪村工地",
            parties = new object[] { new { role = "Applicant", name = "李某" }, new { role = "Respondent", name = "包工头刘某" } },
        };
        var d = await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync("/api/v1/disputes", body), HttpStatusCode.Created);
        return await ApiAssert.OkAsync<DisputeDetail>(
            await c.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new
                {
                    action = "Triage",
                    jurisdiction = "NotPolice",
                    version = d.Summary.Version,
                },
                ApiAssert.Json
            )
        );
    }

    private static object Form(long version, string? kind = "LabourArbitration", string? organization = "平山县劳动人事争议仲裁院") =>
        new
        {
            receiverKind = kind,
            receiverOrganization = organization,
            contactName = "王某",
            contactPhone = "138 0000 1234",
            facts = "工人李某称包工头欠薪三个月",
            reason = "属劳动争议，不属公安管辖",
            workDone = "已电话联系双方",
            materials = "欠条复印件 1 份",
            version,
        };

    private async Task<ReferralView> ReferAsync(HttpClient c, DisputeDetail d) =>
        await ApiAssert.OkAsync<ReferralView>(
            await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/referrals", Form(d.Summary.Version)),
            HttpStatusCode.Created
        );

    private async Task<DisputeDetail> DisputeAsync(HttpClient c, Guid id) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.GetAsync($"/api/v1/disputes/{id}"));

    private static async Task<string> LinkTokenAsync(HttpClient c, ReferralView r)
    {
        var link = await ApiAssert.OkAsync<LinkBody>(await c.PostAsync($"/api/v1/disputes/{r.DisputeId}/referrals/{r.Id}/link", null));
        Assert.Contains("/r/", link.Url);
        Assert.True(link.ExpiresAt > DateTimeOffset.UtcNow.AddDays(29));
        return link.Url[(link.Url.LastIndexOf('/') + 1)..];
    }

    private sealed record LinkBody(string Url, DateTimeOffset ExpiresAt);

    [Fact]
    public async Task Refer_then_the_receiver_acknowledges_and_resolves_through_the_link_and_the_dispute_is_resolved()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var r = await ReferAsync(officer, d);
        Assert.Equal("138****1234", r.ContactPhoneMasked);
        Assert.False(r.Overdue);
        Assert.True(r.AcknowledgeDueAt > r.ReferredAt.AddDays(2.9));
        var referred = await DisputeAsync(officer, d.Summary.Id);
        Assert.Equal(DisputeStatus.Referred, referred.Summary.Status);
        Assert.Equal("平山县劳动人事争议仲裁院（劳动仲裁）", referred.ReferredTo);

        var stored = await app.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(x => x.Id == r.Id));
        Assert.NotNull(stored.ContactPhoneCipher);
        Assert.DoesNotContain(Phone, System.Text.Encoding.UTF8.GetString(stored.ContactPhoneCipher!));
        var clear = await app.Factory.WithScopeAsync(sp =>
            Task.FromResult(sp.GetRequiredService<PersonalDataProtector>().Reveal(stored.ContactPhone))
        );
        Assert.Equal(Phone, clear);

        var token = await LinkTokenAsync(officer, r);
        var hash = await app.Factory.WithDbAsync(db => db.Referrals.Where(x => x.Id == r.Id).Select(x => x.LinkTokenHash).SingleAsync());
        Assert.Equal(ReferralService.HashToken(token), hash);
        Assert.NotEqual(token, hash);

        var anonymous = app.Factory.CreateClient();
        var pageJson = await anonymous.GetStringAsync($"/api/v1/public/referrals/{token}");
        Assert.Contains("138****1234", pageJson);
        Assert.DoesNotContain(Phone, pageJson);
        var view = System.Text.Json.JsonSerializer.Deserialize<PublicReferralView>(pageJson, ApiAssert.Json)!;
        Assert.Equal(referred.Summary.Number, view.DisputeNumber);
        Assert.Equal("第1派出所", view.StationName);

        var acked = await ApiAssert.OkAsync<PublicReferralView>(
            await anonymous.PostAsJsonAsync($"/api/v1/public/referrals/{token}/acknowledge", new { receiverName = "仲裁院王某" })
        );
        Assert.Equal("仲裁院王某", acked.AcknowledgedByName);
        var result = await anonymous.PostAsJsonAsync(
            $"/api/v1/public/referrals/{token}/result",
            new
            {
                outcome = "Resolved",
                resultText = "经仲裁调解，包工头当场支付欠薪",
                receiverName = "仲裁院王某",
            }
        );
        Assert.Equal(HttpStatusCode.NoContent, result.StatusCode);

        var after = await DisputeAsync(officer, d.Summary.Id);
        Assert.Equal(DisputeStatus.Resolved, after.Summary.Status);
        Assert.Equal(2, after.FollowUps.Count);
        Assert.Contains(after.Events, e => e.Kind == DisputeEventKind.ReferralAcknowledged && e.Reason!.Contains("仲裁院王某"));
        Assert.Contains(after.Events, e => e.Kind == DisputeEventKind.ReferralResultReported && e.ToStatus == DisputeStatus.Resolved);

        // The link is dead once the result is in.
        await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/public/referrals/{token}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await anonymous.PostAsJsonAsync(
                $"/api/v1/public/referrals/{token}/result",
                new
                {
                    outcome = "Returned",
                    resultText = "改主意",
                    receiverName = "某",
                }
            ),
            HttpStatusCode.NotFound
        );
        Assert.Equal(after.Summary.Version, (await DisputeAsync(officer, d.Summary.Id)).Summary.Version);

        var audit = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Referral) && a.EntityId == r.Id.ToString()).ToListAsync()
        );
        Assert.Contains(audit, a => a.Action == "link-issued" && a.UserName.Contains("officer1"));
        Assert.Contains(audit, a => a.Action == "receiver-reply" && a.UserName.Contains("仲裁院王某") && a.Summary!.Contains("签收"));
        Assert.Contains(audit, a => a.Action == "receiver-reply" && a.Summary!.Contains("已化解"));
        Assert.DoesNotContain(audit, a => a.Changes != null && a.Changes.Contains(Phone));
        var inbox = await app.Factory.WithDbAsync(db =>
            db.Notifications.AsNoTracking()
                .Where(n => n.UserId == app.World.UserIds["officer1"] && n.Link == $"/disputes/{d.Summary.Id}")
                .Select(n => n.Title)
                .ToListAsync()
        );
        Assert.Contains(inbox, t => t.StartsWith("移交结果"));

        var list = await ApiAssert.OkAsync<PagedResult<ReferralView>>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/referrals"));
        var done = Assert.Single(list.Items);
        Assert.Equal(ReferralOutcome.Resolved, done.Outcome);
        Assert.Equal(ReferralChannel.Link, done.ResultVia);
        Assert.False(done.LinkActive);
    }

    [Fact]
    public async Task Returned_by_the_receiver_puts_the_dispute_back_in_the_stations_hands()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var r = await ReferAsync(officer, d);
        var token = await LinkTokenAsync(officer, r);

        // The phone page: plain HTML form posts, redirecting back.
        var anonymous = app.Factory.CreateClient();
        var page = await anonymous.GetAsync($"/r/{token}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("referral-public-form", html);
        Assert.DoesNotContain("130131198003150011", html);
        Assert.DoesNotContain(Phone, html);
        var ack = await anonymous.PostAsync(
            $"/r/{token}/acknowledge",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["receiverName"] = "张科员" })
        );
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains("referral-public-acked", await ack.Content.ReadAsStringAsync());
        var noReason = await anonymous.PostAsync(
            $"/r/{token}/result",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["receiverName"] = "张科员",
                    ["outcome"] = "Returned",
                    ["resultText"] = "",
                }
            )
        );
        Assert.Contains("退回须说明理由", WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync()));
        Assert.Equal(DisputeStatus.Referred, (await DisputeAsync(officer, d.Summary.Id)).Summary.Status);
        var returned = await anonymous.PostAsync(
            $"/r/{token}/result",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["receiverName"] = "张科员",
                    ["outcome"] = "Returned",
                    ["resultText"] = "不属劳动争议",
                }
            )
        );
        Assert.Contains("referral-public-done", await returned.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/r/{token}")).StatusCode);

        var back = await DisputeAsync(officer, d.Summary.Id);
        Assert.Equal(DisputeStatus.Triaged, back.Summary.Status);
        Assert.Null(back.ReferredTo);
        Assert.Empty(back.FollowUps);
        Assert.Contains(DisputeAction.StartMediation, back.AllowedActions);
        Assert.Contains(back.Events, e =>
            e.Kind == DisputeEventKind.ReferralResultReported && e.Reason!.Contains("退回") && e.Reason.Contains("不属劳动争议")
        );

        // Back in hand, it can be referred again — this time entered by staff.
        var again = await ReferAsync(officer, back);
        var current = await DisputeAsync(officer, d.Summary.Id);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals/{again.Id}/acknowledge",
                new { receiverName = "", version = current.Summary.Version }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        var acked = await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals/{again.Id}/acknowledge",
                new { receiverName = "司法所赵某", version = current.Summary.Version }
            )
        );
        Assert.Equal(ReferralChannel.Staff, acked.AcknowledgedVia);
        current = await DisputeAsync(officer, d.Summary.Id);
        var resolved = await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals/{again.Id}/result",
                new
                {
                    outcome = "NotResolved",
                    resultText = "双方分歧较大",
                    receiverName = "司法所赵某",
                    version = current.Summary.Version,
                }
            )
        );
        Assert.Equal(ReferralOutcome.NotResolved, resolved.Outcome);
        Assert.Equal(DisputeStatus.Triaged, (await DisputeAsync(officer, d.Summary.Id)).Summary.Status);
        var list = await ApiAssert.OkAsync<PagedResult<ReferralView>>(
            await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/referrals?pageSize=1")
        );
        Assert.Equal(2, list.Total);
        Assert.Single(list.Items);
    }

    [Fact]
    public async Task Unknown_expired_replaced_or_malformed_links_all_get_the_same_404_and_change_nothing()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var r = await ReferAsync(officer, d);
        var first = await LinkTokenAsync(officer, r);
        var second = await LinkTokenAsync(officer, r); // re-issuing kills the first
        var anonymous = app.Factory.CreateClient();
        var version = (await DisputeAsync(officer, d.Summary.Id)).Summary.Version;

        var random = Convert
            .ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        var titles = new List<string>();
        foreach (var bad in new[] { first, random, "short", new string('a', 500), "%3Cscript%3E" })
        {
            var get = await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/public/referrals/{bad}"), HttpStatusCode.NotFound);
            titles.Add(get.GetProperty("title").GetString()!);
            await ApiAssert.ProblemAsync(
                await anonymous.PostAsJsonAsync($"/api/v1/public/referrals/{bad}/acknowledge", new { receiverName = "冒充者" }),
                HttpStatusCode.NotFound
            );
            await ApiAssert.ProblemAsync(
                await anonymous.PostAsJsonAsync(
                    $"/api/v1/public/referrals/{bad}/result",
                    new { outcome = "Resolved", receiverName = "冒充者" }
                ),
                HttpStatusCode.NotFound
            );
        }

        // Expired: the working link, past its time.
        await app.Factory.WithDbAsync(db =>
            db.Referrals.Where(x => x.Id == r.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LinkExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1)))
        );
        var expired = await ApiAssert.ProblemAsync(await anonymous.GetAsync($"/api/v1/public/referrals/{second}"), HttpStatusCode.NotFound);
        titles.Add(expired.GetProperty("title").GetString()!);
        await ApiAssert.ProblemAsync(
            await anonymous.PostAsJsonAsync($"/api/v1/public/referrals/{second}/acknowledge", new { receiverName = "王某" }),
            HttpStatusCode.NotFound
        );
        Assert.Single(titles.Distinct());

        var after = await DisputeAsync(officer, d.Summary.Id);
        Assert.Equal(version, after.Summary.Version);
        Assert.Equal(DisputeStatus.Referred, after.Summary.Status);
        var stored = await app.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(x => x.Id == r.Id));
        Assert.Null(stored.AcknowledgedAt);
        Assert.Null(stored.ResultAt);
    }

    [Fact]
    public async Task A_referral_to_nobody_is_a_422_and_nothing_is_written()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var count = await app.Factory.WithDbAsync(db => db.Referrals.CountAsync());
        var url = $"/api/v1/disputes/{d.Summary.Id}/referrals";
        var p1 = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, Form(d.Summary.Version, kind: null, organization: null)),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.True(p1.GetProperty("errors").TryGetProperty("receiverKind", out _));
        Assert.True(p1.GetProperty("errors").TryGetProperty("receiverOrganization", out _));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(url, Form(d.Summary.Version, organization: "  ")),
            HttpStatusCode.UnprocessableEntity
        );
        var badPhone = new
        {
            receiverKind = "JudicialOffice",
            receiverOrganization = "司法所",
            contactPhone = "12345",
            facts = "x",
            reason = "y",
            version = d.Summary.Version,
        };
        var p3 = await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, badPhone), HttpStatusCode.UnprocessableEntity);
        Assert.True(p3.GetProperty("errors").TryGetProperty("contactPhone", out _));
        // The generic step names no receiver either.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new
                {
                    action = "Refer",
                    receiver = " ",
                    version = d.Summary.Version,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );

        Assert.Equal(count, await app.Factory.WithDbAsync(db => db.Referrals.CountAsync()));
        var after = await DisputeAsync(officer, d.Summary.Id);
        Assert.Equal(d.Summary.Version, after.Summary.Version);
        Assert.Equal(DisputeStatus.Triaged, after.Summary.Status);
    }

    [Fact]
    public async Task The_generic_refer_step_still_works_and_now_leaves_a_referral_to_answer()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var referred = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new
                {
                    action = "Refer",
                    receiver = "岔头镇司法所",
                    reason = "非公安管辖",
                    version = d.Summary.Version,
                },
                ApiAssert.Json
            )
        );
        Assert.Equal(DisputeStatus.Referred, referred.Summary.Status);
        var list = await ApiAssert.OkAsync<PagedResult<ReferralView>>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/referrals"));
        var r = Assert.Single(list.Items);
        Assert.Equal("岔头镇司法所", r.ReceiverOrganization);
        Assert.Equal(ReferralReceiverKind.OtherDepartment, r.ReceiverKind);
        // Closing without the receiver's result is refused.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new { action = "Close", version = referred.Summary.Version }
            ),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task Another_station_and_people_without_the_permission_are_refused()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var r = await ReferAsync(officer, d);
        var version = (await DisputeAsync(officer, d.Summary.Id)).Summary.Version;
        var count = await app.Factory.WithDbAsync(db => db.Referrals.CountAsync());

        var other = await app.As("officer2");
        var baseUrl = $"/api/v1/disputes/{d.Summary.Id}/referrals";
        await ApiAssert.ProblemAsync(await other.GetAsync(baseUrl), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.PostAsJsonAsync(baseUrl, Form(version)), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await other.PostAsJsonAsync($"{baseUrl}/{r.Id}/acknowledge", new { receiverName = "某", version }),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await other.PostAsJsonAsync(
                $"{baseUrl}/{r.Id}/result",
                new
                {
                    outcome = "Resolved",
                    receiverName = "某",
                    version,
                }
            ),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(await other.PostAsync($"{baseUrl}/{r.Id}/link", null), HttpStatusCode.NotFound);
        // A referral id under the wrong dispute is not found either.
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"/api/v1/disputes/{app.World.DisputeIds[0]}/referrals/{r.Id}/link", null),
            HttpStatusCode.NotFound
        );

        var resident = await app.As("resident1");
        await ApiAssert.ProblemAsync(await resident.GetAsync(baseUrl), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(await resident.PostAsync($"{baseUrl}/{r.Id}/link", null), HttpStatusCode.Forbidden);

        Assert.Equal(count, await app.Factory.WithDbAsync(db => db.Referrals.CountAsync()));
        var stored = await app.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(x => x.Id == r.Id));
        Assert.Null(stored.LinkTokenHash);
        Assert.Null(stored.AcknowledgedAt);
        Assert.Equal(version, (await DisputeAsync(officer, d.Summary.Id)).Summary.Version);
    }

    [Fact]
    public async Task The_transfer_form_prints_with_the_dispute_number_and_a_masked_phone_for_its_own_station_only()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var r = await ReferAsync(officer, d);
        var number = (await DisputeAsync(officer, d.Summary.Id)).Summary.Number;
        var page = await officer.GetAsync($"/disputes/{d.Summary.Id}/referrals/{r.Id}/print");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"referral-document\"", html);
        Assert.Contains("矛盾纠纷移交函", html);
        Assert.Contains(number, html);
        Assert.Contains("平山县劳动人事争议仲裁院", html);
        Assert.Contains("第1派出所", html);
        Assert.Contains("138****1234", html);
        Assert.DoesNotContain(Phone, html);

        // The dispute page lists it with its actions (first render on the server).
        var disputePage = WebUtility.HtmlDecode(await (await officer.GetAsync($"/disputes/{d.Summary.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("referral-list", disputePage);
        Assert.Contains("referral-ack", disputePage);
        Assert.Contains($"/disputes/{d.Summary.Id}/referrals/{r.Id}/print", disputePage);
        Assert.DoesNotContain("action-Refer", disputePage);

        var other = await app.As("officer2");
        var refused = WebUtility.HtmlDecode(
            await (await other.GetAsync($"/disputes/{d.Summary.Id}/referrals/{r.Id}/print")).Content.ReadAsStringAsync()
        );
        Assert.DoesNotContain("referral-document\"", refused);
        Assert.DoesNotContain("平山县劳动人事争议仲裁院", refused);
    }

    [Fact]
    public async Task Reminders_go_to_the_registrant_once_when_acknowledgement_is_overdue_and_once_when_the_result_is_late()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer);
        var r = await ReferAsync(officer, d);
        var registrant = app.World.UserIds["officer1"];
        var link = $"/disputes/{d.Summary.Id}";
        Task<int> Send(DateTimeOffset now) =>
            app.Factory.WithScopeAsync(sp => sp.GetRequiredService<ReferralReminders>().SendDueAsync(now, CancellationToken.None));
        Task<List<string>> Inbox() =>
            app.Factory.WithDbAsync(db =>
                db.Notifications.AsNoTracking()
                    .Where(n => n.UserId == registrant && n.Link == link && n.Title.StartsWith("移交"))
                    .Select(n => n.Title)
                    .ToListAsync()
            );

        await Send(r.AcknowledgeDueAt.AddMinutes(-1));
        Assert.Empty(await Inbox()); // not yet due
        var late = r.AcknowledgeDueAt.AddHours(1);
        Assert.True(await Send(late) >= 1);
        Assert.Equal(0, await Send(late.AddDays(1)));
        Assert.Single(await Inbox(), t => t.StartsWith("移交逾期未签收"));
        var stored = await app.Factory.WithDbAsync(db => db.Referrals.AsNoTracking().SingleAsync(x => x.Id == r.Id));
        Assert.Equal(late, stored.OverdueReminderSentAt);

        var version = (await DisputeAsync(officer, d.Summary.Id)).Summary.Version;
        var acked = await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals/{r.Id}/acknowledge",
                new { receiverName = "仲裁院王某", version }
            )
        );
        var resultLate = acked.AcknowledgedAt!.Value.AddDays(31);
        Assert.True(await Send(resultLate) >= 1);
        Assert.Equal(0, await Send(resultLate.AddDays(5)));
        var titles = await Inbox();
        Assert.Single(titles, t => t.StartsWith("移交久未反馈结果"));
        Assert.Single(titles, t => t.StartsWith("移交逾期未签收"));
    }
}

/// <summary>The receivers' links are limited per address like sign-in.</summary>
public sealed class ReferralLinkRateLimitTests
{
    [Fact]
    public async Task Too_many_link_requests_from_one_address_are_turned_away()
    {
        await using var factory = new LianxinFactory(settings: new() { ["Security:ReferralLinkRequestsPerMinute"] = "3" });
        var client = factory.CreateClient();
        var codes = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            codes.Add((await client.GetAsync($"/api/v1/public/referrals/{new string('x', 43)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, codes[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[^1]);
    }
}
