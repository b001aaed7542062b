using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Volunteers;

public sealed class TipApiSqliteTests(SqliteApp app) : TipApiTests(app), IClassFixture<SqliteApp>;

public sealed class TipApiPostgresTests(PostgresApp app) : TipApiTests(app), IClassFixture<PostgresApp>;

public abstract class TipApiTests(AppFixture app)
{
    private object Tip(string body, bool anonymous = false, string category = "gambling") =>
        new
        {
            categoryCode = category,
            orgUnitId = app.World.Villages[0].Id,
            address = "东峪村三组后山",
            longitude = 120.1,
            latitude = 30.2,
            body,
            anonymous,
        };

    private static async Task<TipDetail> Step(HttpClient c, TipDetail t, string step, object body) =>
        await ApiAssert.OkAsync<TipDetail>(await c.PostAsJsonAsync($"/api/v1/volunteers/tips/{t.Summary.Id}/{step}", body, ApiAssert.Json));

    [Fact]
    public async Task A_volunteers_tip_becomes_a_linked_dispute_credits_points_once_and_the_outcome_reaches_the_volunteer()
    {
        var volunteerId = await FeedTipSetup.ActiveVolunteerAsync(app, "volunteer1", 0, "王义警");
        var volunteer = await app.As("volunteer1");
        var sent = await ApiAssert.OkAsync<TipSubmitted>(
            await volunteer.PostAsJsonAsync("/api/v1/volunteers/tips", Tip("两户因宅基地界址争吵多日")),
            HttpStatusCode.Created
        );
        Assert.StartsWith("XS-", sent.Number);
        Assert.Null(sent.QueryCode);

        var officer = await app.As("officer1");
        var t = await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"));
        Assert.Equal(TipSenderKind.Volunteer, t.Summary.SenderKind);
        Assert.Equal("义警 王**", t.Summary.Sender);
        Assert.True(t.CanRevealSender);

        // Another station does not see it, not even in its list.
        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"), HttpStatusCode.NotFound);
        var otherList = await ApiAssert.OkAsync<PagedResult<TipRow>>(await other.GetAsync("/api/v1/volunteers/tips?pageSize=200"));
        Assert.DoesNotContain(otherList.Items, r => r.Id == sent.Id);
        // The volunteer has no handling rights.
        await ApiAssert.ProblemAsync(await volunteer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"), HttpStatusCode.Forbidden);

        var revealed = await ApiAssert.OkAsync<RevealedSender>(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/tips/{sent.Id}/sender/reveal", new { reason = "核实情况" })
        );
        Assert.Equal("王义警", revealed.Name);
        Assert.True(
            await app.Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "reveal" && a.EntityId == sent.Id.ToString()))
        );

        t = await Step(officer, t, "check", new { note = "已联系村调委会", version = t.Summary.Version });
        Assert.Equal(TipStatus.Checking, t.Summary.Status);
        t = await Step(
            officer,
            t,
            "act",
            new
            {
                outcome = "Dispute",
                version = t.Summary.Version,
                dispute = new { categoryCode = "homestead", parties = new[] { new { role = "Applicant", name = "程某" } } },
            }
        );
        Assert.Equal(TipStatus.ActedOn, t.Summary.Status);
        Assert.NotNull(t.DisputeId);
        var dispute = await app.Factory.WithDbAsync(db => db.Disputes.AsNoTracking().FirstAsync(d => d.Id == t.DisputeId));
        Assert.Equal(app.World.Villages[0].Id, dispute.OrgUnitId);
        Assert.Contains(sent.Number, dispute.Description);

        var again = await officer.PostAsJsonAsync(
            $"/api/v1/volunteers/tips/{sent.Id}/act",
            new
            {
                outcome = "Other",
                outcomeText = "再次处置",
                version = t.Summary.Version,
            }
        );
        await ApiAssert.ProblemAsync(again, HttpStatusCode.Conflict);
        var credits = await app.Factory.WithDbAsync(db =>
            db.VolunteerCredits.Where(c => c.Source == CreditSource.Tip && c.SourceId == sent.Id).ToListAsync()
        );
        var credit = Assert.Single(credits);
        Assert.Equal(volunteerId, credit.VolunteerId);
        Assert.Equal(10, credit.Points);

        // Before the feedback the volunteer sees only that it is being handled.
        var mine = await ApiAssert.OkAsync<TipOutcomeView>(await volunteer.GetAsync($"/api/v1/volunteers/tips/mine/{sent.Id}"));
        Assert.False(mine.Finished);
        Assert.Null(mine.Feedback);

        t = await Step(officer, t, "close", new { feedback = "已转村调委会调解，双方达成协议", version = t.Summary.Version });
        Assert.Equal(TipStatus.Closed, t.Summary.Status);
        mine = await ApiAssert.OkAsync<TipOutcomeView>(await volunteer.GetAsync($"/api/v1/volunteers/tips/mine/{sent.Id}"));
        Assert.True(mine.Finished);
        Assert.Equal("已转村调委会调解，双方达成协议", mine.Feedback);
        Assert.Equal("已转为矛盾纠纷调处", mine.Outcome);
        var userId = app.World.UserIds["volunteer1"];
        Assert.True(await app.Factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == userId && n.Title.Contains("线索"))));

        var figures = await ApiAssert.OkAsync<TipFigures>(
            await officer.GetAsync($"/api/v1/volunteers/tips/figures?orgUnitId={app.World.Stations[0].Id}")
        );
        Assert.True(figures.ToDispute >= 1);
        Assert.True(figures.FromVolunteers >= 1);
    }

    [Fact]
    public async Task A_tip_acted_on_as_an_incident_creates_the_incident_linked_to_it()
    {
        var resident = await app.As("resident1");
        var sent = await ApiAssert.OkAsync<TipSubmitted>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/tips", Tip("后山有人聚众赌博")),
            HttpStatusCode.Created
        );
        var officer = await app.As("officer1");
        var t = await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"));
        Assert.StartsWith("群众 ", t.Summary.Sender);
        Assert.Contains("*", t.Summary.Sender);
        Assert.DoesNotContain(await NameOfAsync("resident1"), System.Text.Json.JsonSerializer.Serialize(t, ApiAssert.Json));
        // A type that is not a child of the category is refused and nothing changes.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/tips/{sent.Id}/act",
                new
                {
                    outcome = "Incident",
                    version = t.Summary.Version,
                    incident = new { categoryCode = "dispute", typeCode = "criminal.theft" },
                },
                ApiAssert.Json
            ),
            HttpStatusCode.UnprocessableEntity
        );
        t = await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"));
        Assert.Null(t.IncidentId);
        Assert.Equal(TipStatus.Received, t.Summary.Status);
        // All three levels picked on the page reach the incident.
        t = await Step(
            officer,
            t,
            "act",
            new
            {
                outcome = "Incident",
                version = t.Summary.Version,
                incident = new
                {
                    categoryCode = "criminal",
                    typeCode = "criminal.theft",
                    subtypeCode = "criminal.theft.ebike",
                },
            }
        );
        Assert.NotNull(t.IncidentId);
        var incident = await app.Factory.WithDbAsync(db => db.Incidents.AsNoTracking().FirstAsync(i => i.Id == t.IncidentId));
        Assert.Equal(sent.Number, incident.Number);
        Assert.Equal("东峪村三组后山", incident.Address);
        Assert.Equal(
            ("criminal", "criminal.theft", "criminal.theft.ebike"),
            (incident.CategoryCode, incident.TypeCode, incident.SubtypeCode)
        );
    }

    [Fact]
    public async Task An_anonymous_tip_from_a_signed_in_resident_never_names_them_yet_they_see_its_outcome()
    {
        var resident = await app.As("resident1");
        var sent = await ApiAssert.OkAsync<TipSubmitted>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/tips", Tip("村口小卖部夜里有人兜售不明药片", true, "drugs")),
            HttpStatusCode.Created
        );
        var userId = app.World.UserIds["resident1"];
        var stored = await app.Factory.WithDbAsync(db => db.Tips.AsNoTracking().FirstAsync(x => x.Id == sent.Id));
        Assert.True(stored.IsAnonymous);
        Assert.Null(stored.SenderUserId);
        Assert.Null(stored.SenderName);
        Assert.Null(stored.SenderVolunteerId);
        Assert.Equal(Lianxin.Core.Volunteers.Tips.Tip.AnonymousCreator, stored.CreatedById);
        Assert.NotNull(stored.OwnerKey);
        Assert.DoesNotContain(userId, stored.OwnerKey);
        // The log does not tie the tip to the account either.
        var lines = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityId == sent.Id.ToString()).ToListAsync()
        );
        Assert.NotEmpty(lines);
        Assert.All(lines, a =>
        {
            Assert.Null(a.UserId);
            Assert.Null(a.IpAddress);
            Assert.DoesNotContain(userId, a.Changes ?? "");
        });

        var officer = await app.As("leader1");
        var t = await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"));
        Assert.Equal("匿名", t.Summary.Sender);
        Assert.False(t.CanRevealSender);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/tips/{sent.Id}/sender/reveal", new { }),
            HttpStatusCode.UnprocessableEntity
        );
        var export = await officer.GetAsync("/api/v1/volunteers/tips/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        t = await Step(
            officer,
            t,
            "act",
            new
            {
                outcome = "Other",
                outcomeText = "会同禁毒办查处",
                version = t.Summary.Version,
            }
        );
        t = await Step(officer, t, "close", new { feedback = "经查属实，已依法处理，感谢您的举报", version = t.Summary.Version });

        var mine = await ApiAssert.OkAsync<PagedResult<TipOutcomeView>>(await resident.GetAsync("/api/v1/volunteers/tips/mine"));
        var view = Assert.Single(mine.Items, x => x.Id == sent.Id);
        Assert.Equal("经查属实，已依法处理，感谢您的举报", view.Feedback);
        Assert.True(view.Anonymous);
        // Nobody else finds it as theirs.
        var someoneElse = await ApiAssert.OkAsync<PagedResult<TipOutcomeView>>(
            await (await app.As("resident2")).GetAsync("/api/v1/volunteers/tips/mine")
        );
        Assert.DoesNotContain(someoneElse.Items, x => x.Id == sent.Id);
        await ApiAssert.ProblemAsync(
            await (await app.As("resident2")).GetAsync($"/api/v1/volunteers/tips/mine/{sent.Id}"),
            HttpStatusCode.NotFound
        );
    }

    [Fact]
    public async Task A_tip_sent_without_an_account_is_looked_up_by_its_code_and_the_code_shows_only_that_tip()
    {
        var first = await SendWithoutAccountAsync("河边有人电鱼");
        var second = await SendWithoutAccountAsync("路口井盖缺失");
        Assert.NotNull(first.QueryCode);
        Assert.True(TipService.NormalizeCode(first.QueryCode)!.Length >= 24);
        var stored = await app.Factory.WithDbAsync(db => db.Tips.AsNoTracking().FirstAsync(x => x.Id == first.Id));
        Assert.DoesNotContain(TipService.NormalizeCode(first.QueryCode)!, stored.LookupKey!);
        Assert.Null(stored.OwnerKey);

        var anonymous = app.Factory.CreateClient();
        var view = await ApiAssert.OkAsync<TipOutcomeView>(
            await anonymous.PostAsJsonAsync("/api/v1/public/tips/lookup", new { code = first.QueryCode })
        );
        Assert.Equal(first.Id, view.Id);
        Assert.False(view.Finished);
        // Typed without dashes and in lower case, it is the same code.
        var typed = first.QueryCode!.Replace("-", "").ToLowerInvariant();
        Assert.Equal(
            first.Id,
            (
                await ApiAssert.OkAsync<TipOutcomeView>(await anonymous.PostAsJsonAsync("/api/v1/public/tips/lookup", new { code = typed }))
            ).Id
        );

        var officer = await app.As("officer1");
        var t = await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{second.Id}"));
        t = await Step(
            officer,
            t,
            "act",
            new
            {
                outcome = "HazardFixed",
                outcomeText = "安全隐患已整改",
                version = t.Summary.Version,
            }
        );
        await Step(officer, t, "close", new { feedback = "井盖已补装", version = t.Summary.Version });
        var secondView = await ApiAssert.OkAsync<TipOutcomeView>(
            await anonymous.PostAsJsonAsync("/api/v1/public/tips/lookup", new { code = second.QueryCode })
        );
        Assert.Equal("井盖已补装", secondView.Feedback);
        Assert.Equal("安全隐患已整改", secondView.Outcome);
        view = await ApiAssert.OkAsync<TipOutcomeView>(
            await anonymous.PostAsJsonAsync("/api/v1/public/tips/lookup", new { code = first.QueryCode })
        );
        Assert.Null(view.Feedback); // the first code still shows only the first tip

        await ApiAssert.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/public/tips/lookup", new { code = "0000-0000-0000-0000-0000-0000" }),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await anonymous.PostAsJsonAsync("/api/v1/public/tips/lookup", new { code = "x" }),
            HttpStatusCode.NotFound
        );
        // Handlers see it as anonymous.
        Assert.Equal(
            "匿名",
            (await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{first.Id}"))).Summary.Sender
        );
    }

    [Fact]
    public void Wrong_codes_from_one_address_are_refused_after_the_limit_and_allowed_again_later()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new TipLookupLimiter(clock, Options.Create(new TipOptions { LookupFailuresPerWindow = 3, LookupWindowMinutes = 15 }));
        for (var i = 0; i < 3; i++)
        {
            limiter.EnsureAllowed("10.0.0.1");
            limiter.RecordFailure("10.0.0.1");
        }
        Assert.Throws<TooManyRequestsException>(() => limiter.EnsureAllowed("10.0.0.1"));
        limiter.EnsureAllowed("10.0.0.2"); // another address is not affected
        clock.Advance(TimeSpan.FromMinutes(16));
        limiter.EnsureAllowed("10.0.0.1");
    }

    [Fact]
    public async Task Bad_input_is_refused_with_422_and_stores_nothing()
    {
        var resident = await app.As("resident1");
        var before = await app.Factory.WithDbAsync(db => db.Tips.CountAsync());
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/tips", Tip("内容", category: "no-such")),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/tips", Tip(new string('长', TextLimits.Text + 1))),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync("/api/v1/volunteers/tips", Tip("")),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await resident.PostAsJsonAsync(
                "/api/v1/volunteers/tips",
                new
                {
                    categoryCode = "fraud",
                    orgUnitId = app.World.Villages[0].Id,
                    body = "x",
                    longitude = 500.0,
                    latitude = 30.0,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Tips.CountAsync()));

        var sent = await ApiAssert.OkAsync<TipSubmitted>(
            await resident.PostAsJsonAsync("/api/v1/volunteers/tips", Tip("有人冒充客服诈骗")),
            HttpStatusCode.Created
        );
        await ApiAssert.ProblemAsync(
            await UploadAsync(resident, $"/api/v1/volunteers/tips/{sent.Id}/photos", "a.png", "not a picture"u8.ToArray()),
            HttpStatusCode.UnprocessableEntity
        );
        var tooLarge = new byte[PhotoStore.MaxBytes + 1];
        FeedTipSetup.Png.CopyTo(tooLarge, 0);
        await ApiAssert.ProblemAsync(
            await UploadAsync(resident, $"/api/v1/volunteers/tips/{sent.Id}/photos", "big.png", tooLarge),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Photos.CountAsync(p => p.OwnerId == sent.Id)));
        var ok = await UploadAsync(resident, $"/api/v1/volunteers/tips/{sent.Id}/photos", "scene.png", FeedTipSetup.Png);
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        // Someone else cannot add photos to it.
        Assert.Equal(
            HttpStatusCode.NotFound,
            (
                await UploadAsync(await app.As("resident2"), $"/api/v1/volunteers/tips/{sent.Id}/photos", "x.png", FeedTipSetup.Png)
            ).StatusCode
        );

        var officer = await app.As("officer1");
        var t = await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"));
        Assert.Single(t.PhotoIds);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/tips/{sent.Id}/dismiss", new { version = t.Summary.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/tips/{sent.Id}/act",
                new { outcome = "HazardFixed", version = t.Summary.Version }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/tips/{sent.Id}/close", new { feedback = "x", version = t.Summary.Version }),
            HttpStatusCode.Conflict
        );
        t = await Step(officer, t, "dismiss", new { reason = "经核实为正常商业推广", version = t.Summary.Version });
        var mine = await ApiAssert.OkAsync<TipOutcomeView>(await resident.GetAsync($"/api/v1/volunteers/tips/mine/{sent.Id}"));
        Assert.Equal("经核实为正常商业推广", mine.DismissReason);
    }

    private async Task<TipSubmitted> SendWithoutAccountAsync(string body) =>
        await app.Factory.WithScopeAsync(async sp =>
            await sp.GetRequiredService<TipService>()
                .SendAsync(
                    new TipInput("hazard", app.World.Villages[0].Id, "东峪村", null, null, body),
                    [new PhotoUpload("scene.png", new MemoryStream(FeedTipSetup.Png))]
                )
        );

    private Task<string> NameOfAsync(string account) =>
        app.Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == account).Select(u => u.DisplayName).FirstAsync());

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient c, string url, string fileName, byte[] data)
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(data);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "photo", fileName);
        return c.PostAsync(url, form);
    }
}
