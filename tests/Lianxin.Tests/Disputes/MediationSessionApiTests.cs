using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Disputes;

public sealed class MediationSessionApiSqliteTests(SqliteApp app) : MediationSessionApiTests(app), IClassFixture<SqliteApp>;

public sealed class MediationSessionApiPostgresTests(PostgresApp app) : MediationSessionApiTests(app), IClassFixture<PostgresApp>;

public abstract class MediationSessionApiTests(AppFixture app)
{
    private Guid Village => app.World.Villages[0].Id;

    /// <summary>A fresh neighbour dispute of station 1, mediating at level 1.</summary>
    private async Task<DisputeDetail> MediatingAsync(HttpClient c, string title = "鸡吃邻居菜地纠纷")
    {
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await c.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "HouseholdHead",
                    orgUnitId = Village,
                    description = "程某家的鸡跑进邻居院子吃菜",
                    parties = new object[] { new { role = "Applicant", name = "龚某" }, new { role = "Respondent", name = "程某" } },
                }
            ),
            HttpStatusCode.Created
        );
        d = await Act(
            c,
            d,
            new
            {
                action = "Triage",
                jurisdiction = "PoliceSimple",
                version = d.Summary.Version,
            }
        );
        return await Act(
            c,
            d,
            new
            {
                action = "StartMediation",
                level = "HouseholdHead",
                version = d.Summary.Version,
            }
        );
    }

    private static async Task<DisputeDetail> Act(HttpClient c, DisputeDetail d, object body) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));

    private object PlanBody(DisputeDetail d, DateTimeOffset? at = null, Guid? member = null) =>
        new
        {
            at = at ?? DateTimeOffset.UtcNow.AddHours(3),
            place = "东峪村警务室",
            mediators = new object[]
            {
                new { memberId = member ?? app.World.MemberIds[0] },
                new { name = "赵支书", organization = "东峪村委会" },
            },
            attendees = new object[]
            {
                new { partyId = d.Parties.Single(p => p.DisplayName == "龚某").Id },
                new { name = "程某", partyId = d.Parties.Single(p => p.DisplayName == "程某").Id },
                new { name = "村民代表", note = "见证" },
            },
        };

    private Task<int> CountAsync(Guid disputeId) =>
        app.Factory.WithDbAsync(db => db.MediationSessions.CountAsync(s => s.DisputeId == disputeId));

    [Fact]
    public async Task A_session_is_planned_then_recorded_and_the_dispute_stays_where_it_was()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        var planned = await ApiAssert.OkAsync<SessionView>(await officer.PostAsJsonAsync(url, PlanBody(d)), HttpStatusCode.Created);
        Assert.Equal((SessionStatus.Planned, MediationLevel.HouseholdHead), (planned.Status, planned.Level));
        Assert.Contains(planned.Mediators, m =>
            m.MemberId == app.World.MemberIds[0] && m.Name == "百户长1" && m.Kind == MemberKind.HouseholdHead
        );
        Assert.Contains(planned.Mediators, m => m.MemberId is null && m.Name == "赵支书" && m.Organization == "东峪村委会");
        Assert.Equal(["村民代表", "程某", "龚某"], planned.Attendees.Select(a => a.Name).Order());
        Assert.Equal(2, planned.Attendees.Count(a => a.PartyId is not null));

        var body = new
        {
            place = "东峪村警务室",
            version = planned.Version,
            summary = "百户长从中说和，程某不认赔偿数额",
            outcome = "NotAgreed",
            mediators = new object[] { new { memberId = app.World.MemberIds[0] } },
            attendees = new object[] { new { name = "龚某" }, new { name = "程某" } },
        };
        var held = await ApiAssert.OkAsync<SessionView>(await officer.PutJsonAsync($"{url}/{planned.Id}", body));
        Assert.Equal((SessionStatus.Held, MediationOutcome.NotAgreed), (held.Status, held.Outcome!.Value));
        Assert.True(held.At < planned.At); // recorded before the planned time: it was brought forward to now
        Assert.Equal(planned.At, held.PlannedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True(held.Version > planned.Version);
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync($"{url}/{planned.Id}", body), HttpStatusCode.Conflict); // stale version

        var after = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(
            (DisputeStatus.Mediating, MediationLevel.HouseholdHead, d.Summary.Version),
            (after.Summary.Status, after.Summary.Level!.Value, after.Summary.Version)
        );

        var list = await ApiAssert.OkAsync<PagedResult<SessionView>>(await officer.GetAsync($"{url}?pageSize=10"));
        Assert.Equal(1, list.Total);
        Assert.Equal("百户长从中说和，程某不认赔偿数额", list.Items[0].Summary);
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.EntityType == nameof(MediationSession) && a.EntityId == planned.Id.ToString())
        );
        Assert.Equal(2, line);
    }

    [Fact]
    public async Task A_session_recorded_directly_with_a_retried_request_is_written_once()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        var body = new
        {
            level = "PoliceOffice",
            videoLink = "https://tiaojie.example.cn/room/7",
            mediators = new object[] { new { name = "钱法官", organization = "县人民法院" } },
            summary = "远程联调，双方达成赔偿协议",
            outcome = "Agreed",
        };
        using var first = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        first.Headers.Add("Idempotency-Key", "session-" + d.Summary.Id);
        var created = await ApiAssert.OkAsync<SessionView>(await officer.SendAsync(first), HttpStatusCode.Created);
        using var again = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        again.Headers.Add("Idempotency-Key", "session-" + d.Summary.Id);
        var replay = await ApiAssert.OkAsync<SessionView>(await officer.SendAsync(again), HttpStatusCode.Created);
        Assert.Equal(created.Id, replay.Id);
        Assert.Equal(
            (SessionStatus.Held, MediationLevel.PoliceOffice, (DateTimeOffset?)null),
            (created.Status, created.Level, created.PlannedAt)
        );
        Assert.Equal(1, await CountAsync(d.Summary.Id));
    }

    [Fact]
    public async Task A_planned_session_is_cancelled_with_a_reason_once()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        var s = await ApiAssert.OkAsync<SessionView>(await officer.PostAsJsonAsync(url, PlanBody(d)), HttpStatusCode.Created);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{url}/{s.Id}/cancel", new { reason = "", version = s.Version }),
            HttpStatusCode.UnprocessableEntity
        );
        var cancelled = await ApiAssert.OkAsync<SessionView>(
            await officer.PostAsJsonAsync($"{url}/{s.Id}/cancel", new { reason = "被申请人外出务工", version = s.Version })
        );
        Assert.Equal((SessionStatus.Cancelled, "被申请人外出务工"), (cancelled.Status, cancelled.CancelReason));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"{url}/{s.Id}/cancel", new { reason = "再取消", version = cancelled.Version }),
            HttpStatusCode.Conflict
        );
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(
                $"{url}/{s.Id}",
                new
                {
                    version = cancelled.Version,
                    summary = "x",
                    outcome = "Agreed",
                    place = "x",
                    mediators = new object[] { new { name = "某" } },
                }
            ),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task Sessions_are_refused_on_an_ended_dispute()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        d = await Act(
            officer,
            d,
            new
            {
                action = "Withdraw",
                reason = "申请人撤回",
                version = d.Summary.Version,
            }
        );
        var p = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/sessions", PlanBody(d)),
            HttpStatusCode.Conflict
        );
        Assert.Contains("在办", p.GetProperty("title").GetString());
        Assert.Equal(0, await CountAsync(d.Summary.Id));
    }

    [Fact]
    public async Task A_mediator_outside_the_callers_scope_is_refused_and_nothing_is_written()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var p = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/sessions", PlanBody(d, member: app.World.MemberIds[1])),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("mediators", p.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(0, await CountAsync(d.Summary.Id));
    }

    [Fact]
    public async Task Another_station_can_neither_read_nor_write_the_sessions()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        var s = await ApiAssert.OkAsync<SessionView>(await officer.PostAsJsonAsync(url, PlanBody(d)), HttpStatusCode.Created);
        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(await other.GetAsync(url), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.GetAsync($"{url}/{s.Id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/disputes/{d.Summary.Id}/suggested-forces"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await other.PostAsJsonAsync(
                url,
                new
                {
                    at = DateTimeOffset.UtcNow.AddHours(3),
                    place = "西峪村",
                    mediators = new object[] { new { name = "某" } },
                }
            ),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await other.PostAsJsonAsync($"{url}/{s.Id}/cancel", new { reason = "越权", version = s.Version }),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await other.PutJsonAsync(
                $"{url}/{s.Id}",
                new
                {
                    version = s.Version,
                    place = "x",
                    summary = "越权",
                    outcome = "Agreed",
                    mediators = new object[] { new { name = "某" } },
                }
            ),
            HttpStatusCode.NotFound
        );
        var auxiliary = await app.As("auxiliary1"); // reads disputes but does not mediate
        await ApiAssert.OkAsync<PagedResult<SessionView>>(await auxiliary.GetAsync(url));
        await ApiAssert.ProblemAsync(await auxiliary.PostAsJsonAsync(url, PlanBody(d)), HttpStatusCode.Forbidden);
        var after = await ApiAssert.OkAsync<SessionView>(await officer.GetAsync($"{url}/{s.Id}"));
        Assert.Equal((SessionStatus.Planned, s.Version), (after.Status, after.Version));
        Assert.Equal(1, await CountAsync(d.Summary.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_is_written()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        async Task Refused(object body, string field)
        {
            var p = await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, body), HttpStatusCode.UnprocessableEntity);
            Assert.Contains(field, p.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        var mediators = new object[] { new { name = "赵支书", organization = "东峪村委会" } };
        await Refused(
            new
            {
                at = DateTimeOffset.UtcNow.AddHours(3),
                videoLink = "javascript:alert(1)",
                mediators,
            },
            "videoLink"
        );
        await Refused(
            new
            {
                at = DateTimeOffset.UtcNow.AddHours(-1),
                place = "警务室",
                mediators,
                summary = new string('长', 2001),
                outcome = "Agreed",
            },
            "summary"
        );
        await Refused(new { at = DateTimeOffset.UtcNow.AddHours(3), place = "警务室" }, "mediators");
        await Refused(new { place = "警务室", mediators }, "at");
        await Refused(new { at = DateTimeOffset.UtcNow.AddHours(3), mediators }, "place");
        await Refused(
            new
            {
                at = DateTimeOffset.UtcNow.AddHours(3),
                place = "警务室",
                mediators = new object[] { new { name = new string('名', 65) } },
            },
            "mediators"
        );
        await Refused(
            new
            {
                at = DateTimeOffset.UtcNow.AddHours(3),
                place = "警务室",
                mediators = Enumerable.Range(0, 21).Select(i => new { name = $"调解员{i}" }).ToArray(),
            },
            "mediators"
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                url,
                new
                {
                    at = "明天上午",
                    place = "警务室",
                    mediators,
                }
            ),
            HttpStatusCode.BadRequest
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                url,
                new
                {
                    at = DateTimeOffset.UtcNow.AddHours(3),
                    place = "警务室",
                    mediators,
                    outcome = "Maybe",
                }
            ),
            HttpStatusCode.BadRequest
        );
        Assert.Equal(0, await CountAsync(d.Summary.Id));
        var s = await ApiAssert.OkAsync<SessionView>(await officer.PostAsJsonAsync(url, PlanBody(d)), HttpStatusCode.Created);
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(
                $"{url}/{s.Id}",
                new
                {
                    place = "警务室",
                    mediators,
                    summary = "x",
                    outcome = "Agreed",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        ); // no version
        var unchanged = await ApiAssert.OkAsync<SessionView>(await officer.GetAsync($"{url}/{s.Id}"));
        Assert.Equal((SessionStatus.Planned, s.Version), (unchanged.Status, unchanged.Version));
    }

    [Fact]
    public async Task Suggested_forces_follow_the_category_and_offer_members_in_scope()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var view = await ApiAssert.OkAsync<SuggestedForcesView>(
            await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/suggested-forces")
        );
        Assert.Equal("neighbour", view.CategoryCode);
        var heads = Assert.Single(view.Forces, f => f.Kind == MemberKind.HouseholdHead);
        Assert.Equal([app.World.MemberIds[0]], heads.Members.Select(m => m.Id));
        var candidates = await ApiAssert.OkAsync<List<MemberOption>>(
            await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/mediator-candidates?q=百户长")
        );
        Assert.Equal([app.World.MemberIds[0]], candidates.Select(m => m.Id));
    }

    [Fact]
    public async Task Forces_are_configured_per_category_by_those_who_keep_the_dictionaries()
    {
        var leader = await app.As("leader1");
        var lists = await ApiAssert.OkAsync<List<ForceListView>>(await leader.GetAsync("/api/v1/dispute-forces"));
        var debt = Assert.Single(lists, l => l.CategoryCode == "debt");
        Assert.True(debt.IsDefault);
        Assert.Equal(0, debt.Version);
        var body = new
        {
            version = 0,
            forces = new object[]
            {
                new { name = "百户长", kind = "HouseholdHead" },
                new
                {
                    name = "县法院诉前调解",
                    kind = "Partner",
                    keyword = "法院",
                },
            },
        };
        var saved = await ApiAssert.OkAsync<ForceListView>(await leader.PutJsonAsync("/api/v1/dispute-forces/debt", body));
        Assert.False(saved.IsDefault);
        Assert.Equal(["百户长", "县法院诉前调解"], saved.Forces.Select(f => f.Name));
        await ApiAssert.ProblemAsync(await leader.PutJsonAsync("/api/v1/dispute-forces/debt", body), HttpStatusCode.Conflict);
        await ApiAssert.ProblemAsync(
            await leader.PutJsonAsync(
                "/api/v1/dispute-forces/debt",
                new { version = saved.Version, forces = new object[] { new { name = "" } } }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.PutJsonAsync("/api/v1/dispute-forces/no-such", new { version = 0, forces = Array.Empty<object>() }),
            HttpStatusCode.NotFound
        );
        var officer = await app.As("officer1");
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync("/api/v1/dispute-forces/debt", new { version = saved.Version, forces = Array.Empty<object>() }),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/dispute-forces"), HttpStatusCode.Forbidden);

        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title = "借款未还",
                    categoryCode = "debt",
                    source = "WalkIn",
                    orgUnitId = Village,
                    description = "借款三万元逾期未还",
                    parties = new object[] { new { role = "Applicant", name = "甲" } },
                }
            ),
            HttpStatusCode.Created
        );
        var view = await ApiAssert.OkAsync<SuggestedForcesView>(
            await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}/suggested-forces")
        );
        Assert.Equal(["百户长", "县法院诉前调解"], view.Forces.Select(f => f.Name));
        Assert.Contains(app.World.MemberIds[0], view.Forces[0].Members.Select(m => m.Id));
    }

    [Fact]
    public async Task Counselling_notes_are_read_only_by_those_who_mediate_and_only_in_scope()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer, "家庭矛盾需心理疏导");
        const string notes = "申请人情绪低落，多次提到不想活了，已安抚";
        var created = await ApiAssert.OkAsync<CounsellingView>(
            await officer.PostAsJsonAsync(
                "/api/v1/counselling",
                new
                {
                    disputeId = d.Summary.Id,
                    residentId = app.World.ResidentIds["张三1"],
                    counsellorName = "古老师",
                    counsellorOrganization = "小古心理工作室",
                    at = DateTimeOffset.UtcNow.AddHours(-1),
                    method = "InPerson",
                    summary = notes,
                    needsMore = true,
                    nextAt = DateTimeOffset.UtcNow.AddDays(7),
                }
            ),
            HttpStatusCode.Created
        );
        // not kept for retries
        Assert.Equal(((string?)null, d.Summary.Number, "张三1"), (created.Summary, created.DisputeNumber, created.ResidentName));
        var read = await ApiAssert.OkAsync<CounsellingView>(await officer.GetAsync($"/api/v1/counselling/{created.Id}"));
        Assert.Equal((notes, false), (read.Summary, read.SummaryHidden));

        var auxiliary = await app.As("auxiliary1");
        var raw = await (await auxiliary.GetAsync($"/api/v1/counselling?disputeId={d.Summary.Id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("不想活", raw);
        var seen = await ApiAssert.OkAsync<PagedResult<CounsellingView>>(
            await auxiliary.GetAsync($"/api/v1/counselling?residentId={app.World.ResidentIds["张三1"]}")
        );
        var row = Assert.Single(seen.Items, c => c.Id == created.Id);
        Assert.Equal(((string?)null, true, "古老师"), (row.Summary, row.SummaryHidden, row.CounsellorName));
        Assert.DoesNotContain("不想活", await (await auxiliary.GetAsync($"/api/v1/counselling/{created.Id}")).Content.ReadAsStringAsync());
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync("/api/v1/counselling", new { disputeId = d.Summary.Id }),
            HttpStatusCode.Forbidden
        );

        var stored = await app.Factory.WithDbAsync(db => db.CounsellingSessions.AsNoTracking().FirstAsync(c => c.Id == created.Id));
        Assert.DoesNotContain("不想活", System.Text.Encoding.UTF8.GetString(stored.SummaryCipher));
        var audit = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityId == created.Id.ToString()).Select(a => a.Changes).ToListAsync()
        );
        Assert.DoesNotContain(audit, c => c != null && c.Contains("不想活"));

        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/counselling/{created.Id}"), HttpStatusCode.NotFound);
        var theirs = await ApiAssert.OkAsync<PagedResult<CounsellingView>>(await other.GetAsync("/api/v1/counselling?pageSize=200"));
        Assert.DoesNotContain(theirs.Items, c => c.Id == created.Id);
        await ApiAssert.ProblemAsync(
            await other.PutJsonAsync(
                $"/api/v1/counselling/{created.Id}",
                new
                {
                    counsellorName = "越权",
                    at = DateTimeOffset.UtcNow.AddHours(-1),
                    method = "Phone",
                    summary = "越权修改",
                    version = created.Version,
                }
            ),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(
            await other.PostAsJsonAsync(
                "/api/v1/counselling",
                new
                {
                    disputeId = d.Summary.Id,
                    counsellorName = "越权",
                    at = DateTimeOffset.UtcNow.AddHours(-1),
                    method = "Phone",
                    summary = "越权登记",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );

        var updated = await ApiAssert.OkAsync<CounsellingView>(
            await officer.PutJsonAsync(
                $"/api/v1/counselling/{created.Id}",
                new
                {
                    counsellorName = "古老师",
                    at = created.At,
                    method = "Phone",
                    summary = "电话回访，情绪好转",
                    needsMore = false,
                    version = created.Version,
                }
            )
        );
        Assert.Equal((CounsellingMethod.Phone, "电话回访，情绪好转", false), (updated.Method, updated.Summary, updated.NeedsMore));
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(
                $"/api/v1/counselling/{created.Id}",
                new
                {
                    counsellorName = "古老师",
                    at = created.At,
                    method = "Phone",
                    summary = "旧版本",
                    version = created.Version,
                }
            ),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task A_counselling_record_without_dispute_or_resident_or_with_bad_fields_is_refused()
    {
        var officer = await app.As("officer1");
        var before = await app.Factory.WithDbAsync(db => db.CounsellingSessions.CountAsync());
        var p = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/counselling",
                new
                {
                    counsellorName = "古老师",
                    at = DateTimeOffset.UtcNow,
                    method = "InPerson",
                    summary = new string('长', 2001),
                    needsMore = true,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(["disputeId", "nextAt", "summary"], p.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/counselling",
                new
                {
                    residentId = app.World.ResidentIds["张三2"],
                    counsellorName = "古老师",
                    at = DateTimeOffset.UtcNow,
                    method = "InPerson",
                    summary = "越界",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/counselling",
                new
                {
                    residentId = app.World.ResidentIds["张三1"],
                    counsellorName = "古老师",
                    at = DateTimeOffset.UtcNow,
                    method = "Telepathy",
                    summary = "x",
                }
            ),
            HttpStatusCode.BadRequest
        );
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.CounsellingSessions.CountAsync()));
    }

    [Fact]
    public async Task The_reminder_reaches_the_registrant_and_the_mediators_account_once()
    {
        var officer = await app.As("officer1");
        var mediatorUser = app.World.UserIds["mediator1"];
        var member = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var m = new Member
            {
                Name = "孙调解员",
                Kind = MemberKind.Mediator,
                OrgUnitId = Village,
                UserId = mediatorUser,
                Organization = "东峪村调委会",
            };
            db.Members.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var d = await MediatingAsync(officer, "提醒测试纠纷");
        var url = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        var soon = await ApiAssert.OkAsync<SessionView>(
            await officer.PostAsJsonAsync(url, PlanBody(d, DateTimeOffset.UtcNow.AddHours(2), member)),
            HttpStatusCode.Created
        );
        var later = await ApiAssert.OkAsync<SessionView>(
            await officer.PostAsJsonAsync(url, PlanBody(d, DateTimeOffset.UtcNow.AddDays(3), member)),
            HttpStatusCode.Created
        );

        async Task<int> RunAsync() =>
            await app.Factory.WithScopeAsync(sp =>
                sp.GetRequiredService<MediationSessionReminders>().SendDueAsync(DateTimeOffset.UtcNow, CancellationToken.None)
            );
        Assert.True(await RunAsync() >= 1);
        Assert.Equal(0, await RunAsync());

        Task<int> InboxAsync(string userId) =>
            app.Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == userId && n.Title.Contains("提醒测试纠纷")));
        Assert.Equal(1, await InboxAsync(app.World.UserIds["officer1"]));
        Assert.Equal(1, await InboxAsync(mediatorUser));
        var sessions = await ApiAssert.OkAsync<PagedResult<SessionView>>(await officer.GetAsync(url));
        Assert.NotNull(sessions.Items.Single(s => s.Id == soon.Id).ReminderSentAt);
        Assert.Null(sessions.Items.Single(s => s.Id == later.Id).ReminderSentAt);
    }
}
