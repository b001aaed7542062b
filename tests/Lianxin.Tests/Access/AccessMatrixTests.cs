using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lianxin.Core.Disputes;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class AccessMatrixSqliteTests(SqliteApp app) : AccessMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AccessMatrixPostgresTests(PostgresApp app) : AccessMatrixTests(app), IClassFixture<PostgresApp>;

/// <summary>Every account of station 1 tries every API endpoint against station 2's records: nothing of
/// station 2 is read or changed, each refusal is a 403/404 (or a 4xx for the bad request), never a 500.
/// Global accounts try them too and must never see a 500.</summary>
public abstract class AccessMatrixTests(AppFixture app)
{
    private static readonly string[] Station1Accounts = TestWorld.StationAccounts.Select(a => a.Prefix + "1").ToArray();

    internal static readonly string[] AllAccounts = TestWorld
        .StationAccounts.SelectMany(a => new[] { a.Prefix + "1", a.Prefix + "2" })
        .Concat(TestWorld.CountyAccounts.Select(a => a.User))
        .ToArray();

    internal sealed record Call(string Method, string Url, object? Body, bool TargetsStation2, string Route);

    /// <summary>The matrix's calls against <paramref name="fixture"/>'s world (station 2's records made on the way),
    /// so another test can replay them (the API document's truth test).</summary>
    internal static Task<List<Call>> CallsFor(AppFixture fixture) => new Replay(fixture).CallsAsync();

    /// <summary>Builds the calls without being a test class itself.</summary>
    private sealed class Replay(AppFixture fixture) : AccessMatrixTests(fixture);

    /// <summary>Every account in the matrix's order: station 2's own accounts last, as they may change station 2.</summary>
    internal static IReadOnlyList<string> AccountsInOrder => AllAccounts.OrderBy(u => u.EndsWith('2') ? 1 : 0).ToList();

    /// <summary>Sign-in and password change are left out: the matrix calls everything else as every account.</summary>
    internal static bool Skipped(Call call) =>
        call.Route.EndsWith("/auth/token", StringComparison.Ordinal)
        || call.Route.EndsWith("/auth/change-password", StringComparison.Ordinal);

    /// <summary>Sign-out ends the session it is sent with, so it is sent with a session of its own
    /// (<see cref="OwnSessionAsync"/>), and the account's other calls keep theirs.</summary>
    internal static bool EndsSession(Call call) => call.Route.EndsWith("/auth/sign-out", StringComparison.Ordinal);

    /// <summary>A fresh bearer session of <paramref name="user"/>; null when the account can no longer sign in
    /// (the matrix reset its password on the way).</summary>
    internal static async Task<HttpClient?> OwnSessionAsync(AppFixture fixture, string user)
    {
        var client = fixture.Factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        if (response.StatusCode != HttpStatusCode.OK)
        {
            client.Dispose();
            return null;
        }
        var token = await response.Content.ReadFromJsonAsync<TestWorld.TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token!.AccessToken);
        return client;
    }

    private async Task<List<Call>> CallsAsync()
    {
        var w = app.World;
        var otherResident = w.ResidentIds["张三2"];
        var otherMember = w.MemberIds[1];
        var otherUnit = w.Villages[1].Id;
        var otherUser = w.UserIds["leader2"];
        var note = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var n = new Notification
            {
                UserId = otherUser,
                Title = "测试通知",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Notifications.Add(n);
            await db.SaveChangesAsync();
            return n.Id;
        });
        await AgreementOnStation2DisputeAsync(w);
        var roleId = await app.Factory.WithDbAsync(db => db.Roles.Where(r => r.Name == "mediator").Select(r => r.Id).FirstAsync());
        var dictionaryItem = await app.Factory.WithDbAsync(db => db.DictionaryItems.Select(d => d.Id).FirstAsync());
        var (session, counselling) = await SessionAndCounsellingOfStation2Async();
        var otherReferral = await app.Factory.WithDbAsync(async db =>
        {
            // Station 2's dispute, referred, so the referral routes have a real record to aim at.
            if (
                await db.Referrals.Where(x => x.DisputeId == w.DisputeIds[1]).Select(x => (Guid?)x.Id).FirstOrDefaultAsync() is { } existing
            )
                return existing;
            var d = await db.Disputes.FirstAsync(x => x.Id == w.DisputeIds[1]);
            if (d.Status == Lianxin.Core.Disputes.DisputeStatus.Registered)
                d.Triage(Lianxin.Core.Disputes.DisputeJurisdiction.NotPolice, "seed", DateTimeOffset.UtcNow);
            var r = d.ReferWithForm(
                new Lianxin.Core.Disputes.Referral.Form(
                    Lianxin.Core.Disputes.ReferralReceiverKind.JudicialOffice,
                    "西峪镇司法所",
                    null,
                    "排水沟纠纷",
                    "不属公安管辖",
                    null,
                    null
                ),
                Lianxin.Core.Common.ProtectedText.Empty,
                "seed",
                DateTimeOffset.UtcNow
            );
            db.Referrals.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var (incident, otherIncident) = await IncidentsOfStation2Async(w);
        var otherImport = await app.Factory.WithDbAsync(async db =>
        {
            // Station 2's interrupted import batch, so the import routes have a record to aim at.
            if (
                await db.IncidentImports.Where(x => x.OrgUnitId == w.Stations[1].Id).Select(x => (Guid?)x.Id).FirstOrDefaultAsync() is
                { } existing
            )
                return existing;
            var b = Lianxin.Core.Incidents.Import.IncidentImport.Start(
                "matrix.csv",
                0,
                new string('0', 64),
                Lianxin.Core.Incidents.Import.ImportFileFormat.Csv,
                null,
                w.UserIds["leader2"],
                "leader2",
                w.Stations[1].Id,
                DateTimeOffset.UtcNow
            );
            db.IncidentImports.Add(b);
            // A batch left staged by an earlier version: no domain step makes one any more.
            db.Entry(b).Property(x => x.Status).CurrentValue = Lianxin.Core.Incidents.Import.IncidentImportStatus.Staged;
            await db.SaveChangesAsync();
            return b.Id;
        });
        // Station 2's public-security case, for the case routes to aim at.
        var otherCase = await app.Factory.WithDbAsync(async db =>
        {
            if (
                await db.PublicSecurityCases.Where(c => c.OrgUnitId == w.Villages[1].Id).Select(c => (Guid?)c.Id).FirstOrDefaultAsync() is
                { } existing
            )
                return existing;
            var c = Lianxin.Core.Incidents.Cases.PublicSecurityCase.Register(
                "AJ-MATRIX-2",
                "二所案件",
                Lianxin.Core.Incidents.Cases.CaseKind.Simple,
                1,
                w.Villages[1].Id,
                null,
                null,
                "赵警官",
                null,
                DateTimeOffset.UtcNow
            );
            db.PublicSecurityCases.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var (cluster2, plan2, task2) = await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            const string label = "西峪村越权测试地址";
            var cluster = await db.RepeatClusters.FirstOrDefaultAsync(c => c.Label == label);
            if (cluster is null)
            {
                cluster = Lianxin.Core.Incidents.Repeats.RepeatCluster.Open(
                    Lianxin.Core.Incidents.Repeats.RepeatClusterKind.Address,
                    label,
                    label,
                    w.Villages[1].Id,
                    null,
                    DateTimeOffset.UtcNow.AddDays(-3),
                    DateTimeOffset.UtcNow
                );
                cluster.Counted(2);
                cluster.AddToFocus(w.UserIds["officer2"], DateTimeOffset.UtcNow);
                db.RepeatClusters.Add(cluster);
            }
            var plan = await db.LookBackPlans.FirstOrDefaultAsync(p => p.Address == label);
            if (plan is null)
            {
                plan = new Lianxin.Core.Incidents.Repeats.LookBackPlan
                {
                    OrgUnitId = w.Villages[1].Id,
                    Address = label,
                    Category = Lianxin.Core.Incidents.Repeats.LookBackCategory.Gambling,
                    DealtOn = DateOnly.FromDateTime(DateTime.UtcNow),
                    Weeks = 1,
                };
                plan.AddTask(1, Lianxin.Core.Incidents.Repeats.LookBackTaskKind.Patrol, DateTimeOffset.UtcNow.AddDays(7), null);
                db.LookBackPlans.Add(plan);
            }
            await db.SaveChangesAsync();
            return (cluster.Id, plan.Id, plan.Tasks[0].Id);
        });
        // Station 2's directive import error report, for its download route to aim at.
        var directiveReport2 = await app.Factory.WithDbAsync(async db =>
        {
            var reports = db.Set<Lianxin.Core.Incidents.Repeats.DirectiveImportReport>();
            if (await reports.Where(r => r.OrgUnitId == w.Stations[1].Id).Select(r => (Guid?)r.Id).FirstOrDefaultAsync() is { } existing)
                return existing;
            var r = new Lianxin.Core.Incidents.Repeats.DirectiveImportReport
            {
                OrgUnitId = w.Stations[1].Id,
                FileName = "matrix.csv",
                Lines = 1,
                Problems =
                [
                    new Lianxin.Core.Incidents.Repeats.DirectiveImportProblem
                    {
                        Seq = 1,
                        Row = 2,
                        Field = "指令编号",
                        Reason = "不能为空",
                    },
                ],
            };
            reports.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });
        var (feedPost2, tip2) = await FeedPostAndTipOfStation2Async(w);
        var (activity2, signup2) = await Lianxin.Tests.Volunteers.ActivityMatrix.Station2ActivityAsync(app);
        var (training2, volunteer2) = await Volunteers.HonourSetup.TrainingOfStation2Async(app.Factory, w);
        // Well formed but issued to nobody: the anonymous link routes must answer 404 to everyone.
        var unknownToken = new string('A', 43);

        var sources = app.Factory.Services.GetRequiredService<EndpointDataSource>();
        var calls = new List<Call>();
        foreach (var e in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = e.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith("/api/v1", StringComparison.Ordinal))
                continue;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods)
            {
                var targets = pattern.Contains('{');
                var url = pattern
                    .Replace("/residents/{id:guid}", $"/residents/{otherResident}")
                    .Replace("/volunteers/squads/{id:guid}", $"/volunteers/squads/{w.SquadIds[1]}")
                    .Replace("{memberId:guid}", Guid.NewGuid().ToString())
                    .Replace("/volunteers/{id:guid}", $"/volunteers/{w.VolunteerIds[1]}")
                    .Replace("/members/{id:guid}", $"/members/{otherMember}")
                    .Replace("/org-units/{id:guid}", $"/org-units/{otherUnit}")
                    .Replace("/users/{id}", $"/users/{otherUser}")
                    .Replace("/roles/{id}", $"/roles/{roleId}")
                    .Replace("/notifications/{id:guid}", $"/notifications/{note}")
                    .Replace("/dictionaries/{id:guid}", $"/dictionaries/{dictionaryItem}")
                    .Replace("/volunteers/activities/mine/{id:guid}", $"/volunteers/activities/mine/{activity2}")
                    .Replace("/volunteers/activities/{id:guid}", $"/volunteers/activities/{activity2}")
                    .Replace("{signupId:guid}", signup2.ToString())
                    .Replace("{photoId:guid}", Guid.NewGuid().ToString())
                    .Replace("/disputes/reported/{id:guid}", $"/disputes/reported/{w.DisputeIds[1]}")
                    .Replace("/disputes/{id:guid}", $"/disputes/{w.DisputeIds[1]}")
                    .Replace("/follow-ups/{followUpId:guid}", $"/follow-ups/{Guid.NewGuid()}")
                    .Replace("/attachments/{attachmentId:guid}", $"/attachments/{Guid.NewGuid()}")
                    .Replace("{sessionId:guid}", session.ToString())
                    .Replace("/counselling/{id:guid}", $"/counselling/{counselling}")
                    .Replace("/dispute-forces/{category}", "/dispute-forces/neighbour")
                    .Replace("/referrals/{referralId:guid}", $"/referrals/{otherReferral}")
                    .Replace("/incidents/clusters/{id:guid}", $"/incidents/clusters/{cluster2}")
                    .Replace("/incidents/focus/{id:guid}", $"/incidents/focus/{cluster2}")
                    .Replace("/incidents/lookbacks/{id:guid}", $"/incidents/lookbacks/{plan2}")
                    .Replace("{taskId:guid}", task2.ToString())
                    .Replace("/public/referrals/{token}", $"/public/referrals/{unknownToken}")
                    .Replace("/disputes/figures", $"/disputes/figures?orgUnitId={w.Stations[1].Id}")
                    .Replace("/incidents/directives/imports/{id:guid}", $"/incidents/directives/imports/{directiveReport2}")
                    .Replace("/incidents/imports/{id:guid}", $"/incidents/imports/{otherImport}")
                    .Replace("/incidents/cases/{id:guid}", $"/incidents/cases/{otherCase}")
                    .Replace("/incidents/{id:guid}", $"/incidents/{incident}")
                    .Replace("/volunteers/feed/{id:guid}", $"/volunteers/feed/{feedPost2}")
                    .Replace("/volunteers/tips/mine/{id:guid}", $"/volunteers/tips/mine/{tip2}")
                    .Replace("/volunteers/tips/{id:guid}", $"/volunteers/tips/{tip2}")
                    .Replace("{photoId:guid}", Guid.NewGuid().ToString())
                    .Replace("{commentId:guid}", Guid.NewGuid().ToString())
                    .Replace("{relatedId:guid}", otherIncident.ToString())
                    .Replace("/volunteers/trainings/{id:guid}", $"/volunteers/trainings/{training2}");
                // Station 2's ranking, figures and ledger, asked for by name.
                if (
                    pattern
                    is "/api/v1/volunteers/ranking"
                        or "/api/v1/volunteers/ranking/export"
                        or "/api/v1/volunteers/figures"
                        or "/api/v1/volunteers/figures/export"
                )
                {
                    url += $"?orgUnitId={w.Stations[1].Id}";
                    targets = true;
                }
                if (pattern == "/api/v1/volunteers/credits")
                {
                    if (method == "GET")
                        url += $"?volunteerId={volunteer2}";
                    targets = true;
                }
                // Statistics and case figures of station 2, asked for by name.
                if (
                    pattern is "/api/v1/incidents/statistics/" or "/api/v1/incidents/statistics/export" or "/api/v1/incidents/cases/figures"
                )
                {
                    url += $"?orgUnitId={w.Stations[1].Id}";
                    targets = true;
                }
                Assert.DoesNotContain("{", url); // a new route needs a placeholder here
                var body = BodyFor(pattern, method, w);
                if (pattern == "/api/v1/disputes/figures")
                    targets = true; // station 2's figures asked for by name
                if (pattern == "/api/v1/volunteers/activities/" && method == "POST")
                    targets = true; // an activity of station 2's village
                if (method is "POST" && pattern is "/api/v1/volunteers/trainings/" or "/api/v1/volunteers/")
                    targets = true;
                if (
                    method is "POST" or "PUT"
                    && body is not null
                    && pattern
                        is "/api/v1/residents/"
                            or "/api/v1/members/"
                            or "/api/v1/org-units/"
                            or "/api/v1/disputes/"
                            or "/api/v1/counselling/"
                            or "/api/v1/incidents/"
                            or "/api/v1/incidents/batch"
                            or "/api/v1/incidents/cases/"
                            or "/api/v1/incidents/lookbacks/"
                            or "/api/v1/volunteers/squads/"
                )
                    targets = true;
                // Dictionaries, roles and the caller's own inbox are not unit-scoped; users are checked by permission.
                if (
                    pattern.StartsWith("/api/v1/dictionaries", StringComparison.Ordinal)
                    || pattern.StartsWith("/api/v1/roles", StringComparison.Ordinal)
                    || pattern.StartsWith("/api/v1/dispute-forces", StringComparison.Ordinal)
                )
                    targets = false;
                // The receivers' link routes need no account: with a token nobody was given, nothing may answer 2xx.
                if (pattern.StartsWith("/api/v1/public/", StringComparison.Ordinal))
                    targets = true;
                calls.Add(new Call(method, url, body, targets, pattern));
            }
        }
        Assert.True(calls.Count >= 30, $"expected the whole API, found {calls.Count} calls");
        return calls;
    }

    /// <summary>An incident of station 2 aimed at station 2 (a create, an edit, a placement or a batch item at once).</summary>
    private static object IncidentBody(TestWorld w, string number) =>
        new
        {
            number = "X" + number,
            receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
            categoryCode = "dispute",
            summary = "越权警情",
            handlingUnitId = w.Stations[1].Id,
            orgUnitId = w.Villages[1].Id,
            version = 1,
            items = new[]
            {
                new
                {
                    number = "Y" + number,
                    receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
                    categoryCode = "dispute",
                    summary = "越权警情",
                    handlingUnitId = w.Stations[1].Id,
                },
            },
        };

    /// <summary>Two incidents of station 2 (made once per app), for the routes that name one.</summary>
    private Task<(Guid, Guid)> IncidentsOfStation2Async(TestWorld w) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var known = await db
                .Incidents.AsNoTracking()
                .Where(x => x.Number.StartsWith("S2-"))
                .OrderBy(x => x.Number)
                .Select(x => x.Id)
                .ToListAsync();
            if (known.Count == 2)
                return (known[0], known[1]);
            var made = new List<Guid>();
            foreach (var n in new[] { "S2-1", "S2-2" })
            {
                var x = Lianxin.Core.Incidents.Incident.Receive(
                    new Lianxin.Core.Incidents.IncidentReport
                    {
                        Number = n,
                        ReceivedAt = DateTimeOffset.UtcNow.AddDays(-1),
                        CategoryCode = "dispute",
                        Summary = "站二警情",
                        HandlingUnitId = w.Stations[1].Id,
                        Address = "西峪村三组1号",
                        Source = Lianxin.Core.Incidents.IncidentSource.Manual,
                    }
                );
                x.Place(w.Villages[1].Id, Lianxin.Core.Incidents.PlacementMethod.Hand);
                db.Incidents.Add(x);
                made.Add(x.Id);
            }
            await db.SaveChangesAsync();
            return (made[0], made[1]);
        });

    /// <summary>A notice and a tip of station 2 (made once per app), for the feed and tip routes that name one.</summary>
    private Task<(Guid, Guid)> FeedPostAndTipOfStation2Async(TestWorld w) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var post = await db
                .FeedPosts.Where(p => p.OrgUnitId == w.Villages[1].Id && p.Title == "二所通知")
                .Select(p => (Guid?)p.Id)
                .FirstOrDefaultAsync();
            if (post is null)
            {
                var p = Lianxin.Core.Volunteers.FeedPost.Write(
                    w.Villages[1].Id,
                    Lianxin.Core.Volunteers.FeedPostKind.Notice,
                    "二所",
                    "二所通知",
                    "越权测试"
                );
                p.CreatedById = w.UserIds["leader2"];
                db.FeedPosts.Add(p);
                post = p.Id;
            }
            var tip = await db.Tips.Where(t => t.Number == "XS-MATRIX-2").Select(t => (Guid?)t.Id).FirstOrDefaultAsync();
            if (tip is null)
            {
                var t = Lianxin.Core.Volunteers.Tips.Tip.Named(
                    "XS-MATRIX-2",
                    new Lianxin.Core.Volunteers.Tips.TipContent(w.Villages[1].Id, "other", null, null, null, "越权测试"),
                    w.UserIds["resident2"],
                    null,
                    "二所群众",
                    fromVolunteer: false
                );
                db.Tips.Add(t);
                tip = t.Id;
            }
            await db.SaveChangesAsync();
            return (post.Value, tip.Value);
        });

    /// <summary>Station 2's dispute is brought to mediation with a draft agreement, so the agreement routes have something
    /// to reach.</summary>
    private Task<bool> AgreementOnStation2DisputeAsync(TestWorld w) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            if (await db.MediationAgreements.AnyAsync(a => a.DisputeId == w.DisputeIds[1]))
                return false;
            var d = await db.Disputes.FirstAsync(x => x.Id == w.DisputeIds[1]);
            var at = DateTimeOffset.UtcNow;
            d.Triage(DisputeJurisdiction.PoliceSimple, "seed", at);
            d.StartMediation(MediationLevel.PoliceOffice, "seed", at);
            AgreementPartyDraft Party(string name, PartyRole role) =>
                new(role, name, null, null, null, null, Lianxin.Core.Common.ProtectedText.Empty, null);
            db.MediationAgreements.Add(
                MediationAgreement.Draft(
                    d,
                    1,
                    new AgreementTerms(
                        [Party("赵某", PartyRole.Applicant), Party("钱某", PartyRole.Respondent)],
                        "排水沟堵塞",
                        "双方各半",
                        "共同疏通排水沟",
                        "当面",
                        MediationAgreement.ChinaDay(at).AddDays(10),
                        ["老李"]
                    ),
                    "seed",
                    at
                )
            );
            await db.SaveChangesAsync();
            return true;
        });

    private static object? BodyFor(string pattern, string method, TestWorld w)
    {
        if (method is not ("POST" or "PUT"))
            return null;
        var unit = w.Grids[1].Id;
        return pattern switch
        {
            _ when pattern.StartsWith("/api/v1/volunteers/trainings", StringComparison.Ordinal)
                    || pattern.StartsWith("/api/v1/volunteers/credits", StringComparison.Ordinal) => Volunteers.HonourSetup.MatrixBody(w),
            _ when pattern.StartsWith("/api/v1/residents", StringComparison.Ordinal) => new
            {
                name = "越权写入",
                orgUnitId = unit,
                version = 1,
                reason = "x",
            },
            _ when pattern.StartsWith("/api/v1/volunteers/activities", StringComparison.Ordinal) => new
            {
                orgUnitId = w.Villages[1].Id,
                kind = "Patrol",
                title = "越权活动",
                place = "西峪村",
                startsAt = DateTimeOffset.UtcNow.AddDays(1),
                endsAt = DateTimeOffset.UtcNow.AddDays(1).AddHours(2),
                quota = 5,
                publish = true,
                reason = "越权",
                version = 1,
                lat = 36.6,
                lng = 116.9,
            },
            // Station 2's squad, volunteer and village; a version nobody holds, so even station 2's own accounts change nothing.
            _ when pattern.StartsWith("/api/v1/volunteers", StringComparison.Ordinal) => new
            {
                name = "越权中队",
                typeCode = "patrol",
                orgUnitId = w.Villages[1].Id,
                volunteerId = w.VolunteerIds[1],
                role = "Member",
                action = "Suspend",
                reason = "越权",
                version = 0,
            },
            _ when pattern.StartsWith("/api/v1/members", StringComparison.Ordinal) => new
            {
                name = "越权写入",
                kind = "Volunteer",
                orgUnitId = unit,
                version = 1,
            },
            _ when pattern.Contains("/move", StringComparison.Ordinal) => new { parentId = w.Stations[1].Id, version = 1 },
            _ when pattern.StartsWith("/api/v1/disputes", StringComparison.Ordinal) => new
            {
                title = "越权纠纷",
                categoryCode = "neighbour",
                description = "x",
                source = "Screening",
                orgUnitId = w.Villages[1].Id,
                action = "Triage",
                jurisdiction = "PoliceSimple",
                version = 1,
                parties = new[] { new { role = "Applicant", name = "某" } },
            },
            _ when pattern.StartsWith("/api/v1/incidents/cases", StringComparison.Ordinal) => new
            {
                number = "AJ-X-" + Guid.NewGuid().ToString("N")[..8],
                title = "越权案件",
                kind = "Simple",
                orgUnitId = w.Villages[1].Id,
                handlingOfficer = "越权",
                conclusion = "越权办结",
                version = 1,
            },
            _ when pattern.StartsWith("/api/v1/incidents", StringComparison.Ordinal) => IncidentBody(w, Guid.NewGuid().ToString("N")[..12]),
            _ when pattern.StartsWith("/api/v1/counselling", StringComparison.Ordinal) => new
            {
                disputeId = w.DisputeIds[1],
                counsellorName = "越权",
                at = DateTimeOffset.UtcNow,
                method = "Phone",
                summary = "越权登记",
                version = 1,
            },
            _ when pattern.StartsWith("/api/v1/org-units", StringComparison.Ordinal) => new
            {
                code = "X-" + Guid.NewGuid().ToString("N")[..8],
                name = "越权单位",
                kind = "Group",
                parentId = w.Villages[1].Id,
                population = 1,
                households = 1,
                version = 1,
            },
            _ when pattern.StartsWith("/api/v1/users", StringComparison.Ordinal) => new
            {
                userName = "x" + Guid.NewGuid().ToString("N")[..8],
                displayName = "越权账号",
                roles = new[] { "station-leader" },
                orgUnitId = w.Stations[1].Id,
            },
            _ when pattern.StartsWith("/api/v1/incidents/", StringComparison.Ordinal) => new
            {
                orgUnitId = w.Villages[1].Id,
                address = "越权地点",
                category = "Gambling",
                dealtOn = DateOnly.FromDateTime(DateTime.UtcNow),
                weeks = 2,
                result = "Normal",
                note = "越权",
                text = "越权",
                status = "Following",
                ownerId = w.UserIds["officer2"],
                assigneeId = w.UserIds["officer2"],
                version = 1,
            },
            _ => new { },
        };
    }

    [Fact]
    public async Task No_endpoint_leaks_or_changes_another_stations_records_and_none_answers_500()
    {
        var calls = await CallsAsync();
        var before = await SnapshotAsync();
        var failures = new List<string>();
        // Station 2's own accounts go last: they may legitimately change station 2, so the snapshot is
        // compared before they run.
        var ordered = AccountsInOrder;
        foreach (var user in ordered)
            await app.As(user); // sign in first: the matrix resets passwords on the way
        foreach (var user in ordered)
        {
            if (user == ordered.First(u => u.EndsWith('2')))
                Assert.Equal(before, await SnapshotAsync());
            var client = await app.As(user);
            var local = Station1Accounts.Contains(user);
            foreach (var call in calls)
            {
                if (Skipped(call))
                    continue;
                using var own = EndsSession(call) ? await OwnSessionAsync(app, user) : null;
                if (EndsSession(call) && own is null)
                    continue;
                using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
                if (call.Body is not null)
                    request.Content = JsonContent.Create(call.Body);
                using var response = await (own ?? client).SendAsync(request);
                var status = (int)response.StatusCode;
                if (own is not null && (status != 204 || (await own.GetAsync("/api/v1/auth/me")).StatusCode != HttpStatusCode.Unauthorized))
                    failures.Add($"{user} {call.Method} {call.Url} → {status}, and the session it ended must be refused after");
                if (status >= 500)
                    failures.Add($"{user} {call.Method} {call.Url} → {status}");
                if (local && call.TargetsStation2 && status is >= 200 and < 300)
                    failures.Add($"{user} {call.Method} {call.Url} → {status} (station 2 reached)");
                // 401 only where the matrix itself revoked this account's token on the way (a password reset).
                if (call.Route.StartsWith("/api/v1/public/", StringComparison.Ordinal) && status is not (404 or 401))
                    failures.Add($"{user} {call.Method} {call.Url} → {status} (an unissued link must be 404)");
                if (status >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{user} {call.Method} {call.Url} → {status} without problem details");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Anonymous_callers_reach_only_the_link_routes_and_those_only_with_a_working_token()
    {
        var calls = await CallsAsync();
        var anonymous = app.Factory.CreateClient();
        var failures = new List<string>();
        foreach (var call in calls)
        {
            if (Skipped(call))
                continue;
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
            if (call.Body is not null)
                request.Content = JsonContent.Create(call.Body);
            using var response = await anonymous.SendAsync(request);
            var status = (int)response.StatusCode;
            var expected = call.Route.StartsWith("/api/v1/public/", StringComparison.Ordinal) ? 404 : 401;
            if (status != expected)
                failures.Add($"anonymous {call.Method} {call.Url} → {status}, expected {expected}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public async Task Lists_of_a_station_one_account_hold_nothing_of_station_two()
    {
        var station2Units = new[] { app.World.Stations[1].Id, app.World.Districts[1].Id, app.World.Villages[1].Id, app.World.Grids[1].Id };
        foreach (var user in Station1Accounts)
        {
            var client = await app.As(user);
            foreach (
                var url in new[]
                {
                    "/api/v1/residents?pageSize=200",
                    "/api/v1/members?pageSize=200",
                    "/api/v1/org-units?pageSize=200",
                    "/api/v1/org-units/roots",
                    "/api/v1/disputes?pageSize=200",
                    "/api/v1/incidents?pageSize=200",
                    "/api/v1/volunteers?pageSize=200",
                    "/api/v1/volunteers/squads?pageSize=200",
                }
            )
            {
                var response = await client.GetAsync(url);
                if (response.StatusCode == HttpStatusCode.Forbidden)
                    continue;
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.IsSuccessStatusCode, $"{user} {url}: {(int)response.StatusCode} {text}");
                foreach (
                    var id in station2Units
                        .Concat(app.World.ResidentIds.Where(r => r.Key.EndsWith('2')).Select(r => r.Value))
                        .Append(app.World.MemberIds[1])
                        .Append(app.World.DisputeIds[1])
                        .Append(app.World.VolunteerIds[1])
                        .Append(app.World.SquadIds[1])
                )
                    Assert.DoesNotContain(id.ToString(), text);
            }
        }
    }

    [Fact]
    public async Task Separated_duties_each_see_only_their_own_admin_area()
    {
        var sys = await app.As("sysadmin");
        var sec = await app.As("secadmin");
        var aud = await app.As("auditor");
        Assert.Equal(HttpStatusCode.OK, (await sys.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sys.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sec.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sec.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await aud.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aud.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await aud.GetAsync("/api/v1/residents")).StatusCode);

        var both = await sys.PostAsJsonAsync(
            "/api/v1/users",
            new
            {
                userName = "twohats",
                displayName = "两顶帽子",
                roles = new[] { "system-admin", "auditor" },
            }
        );
        var problem = await ApiAssert.ProblemAsync(both, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不同账号", problem.GetRawText());
    }

    /// <summary>A planned mediation session and a counselling record on station 2's dispute, for the routes that name one.</summary>
    private Task<(Guid Session, Guid Counselling)> SessionAndCounsellingOfStation2Async() =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            // Made once per app (before the dispute is referred below); later calls aim at the same records.
            var existing = await db
                .MediationSessions.AsNoTracking()
                .Where(x => x.DisputeId == app.World.DisputeIds[1])
                .Select(x => (Guid?)x.Id)
                .FirstOrDefaultAsync();
            if (existing is { } known)
                return (
                    known,
                    await db
                        .CounsellingSessions.AsNoTracking()
                        .Where(x => x.DisputeId == app.World.DisputeIds[1])
                        .Select(x => x.Id)
                        .FirstAsync()
                );
            var dispute = await db.Disputes.AsNoTracking().FirstAsync(d => d.Id == app.World.DisputeIds[1]);
            var session = Lianxin.Core.Disputes.MediationSession.Plan(
                dispute,
                new Lianxin.Core.Disputes.SessionForm
                {
                    Level = Lianxin.Core.Disputes.MediationLevel.Village,
                    At = DateTimeOffset.UtcNow.AddDays(2),
                    Place = "西峪村调解室",
                    Mediators = [Lianxin.Core.Disputes.SessionMediator.Outside("西峪调解员", "西峪村调委会")],
                },
                "seed",
                DateTimeOffset.UtcNow
            );
            var protector = sp.GetRequiredService<Lianxin.Core.Common.PersonalDataProtector>();
            var counselling = Lianxin.Core.Disputes.CounsellingSession.Create(
                new Lianxin.Core.Disputes.CounsellingForm
                {
                    DisputeId = dispute.Id,
                    CounsellorName = "西峪心理老师",
                    At = DateTimeOffset.UtcNow.AddHours(-1),
                    Method = Lianxin.Core.Disputes.CounsellingMethod.InPerson,
                    Summary = "站二疏导记录",
                },
                dispute.OrgUnitId,
                protector.Encrypt("站二疏导记录"),
                "seed",
                DateTimeOffset.UtcNow
            );
            db.MediationSessions.Add(session);
            db.CounsellingSessions.Add(counselling);
            await db.SaveChangesAsync();
            return (session.Id, counselling.Id);
        });

    private async Task<string> SnapshotAsync() =>
        await app.Factory.WithDbAsync(async db =>
        {
            var units = await db
                .OrgUnits.AsNoTracking()
                .OrderBy(u => u.Code)
                .Select(u => u.Code + ":" + u.Version + ":" + u.Path)
                .ToListAsync();
            var residents = await db
                .Residents.AsNoTracking()
                .Where(r => r.Name.EndsWith("2"))
                .OrderBy(r => r.Name)
                .Select(r => r.Name + ":" + r.Version)
                .ToListAsync();
            var disputes = await db
                .Disputes.AsNoTracking()
                .OrderBy(d => d.Number)
                .Select(d => d.Number + ":" + d.Version + ":" + d.Status)
                .ToListAsync();
            var agreements = await db
                .MediationAgreements.AsNoTracking()
                .OrderBy(a => a.Number)
                .Select(a => a.Number + ":" + a.Version + ":" + a.Status)
                .ToListAsync();
            var members = await db.Members.AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name + ":" + m.Version).ToListAsync();
            var known = app.World.UserIds.Values.ToList();
            var users = await db
                .Users.AsNoTracking()
                .Where(u => known.Contains(u.Id))
                .OrderBy(u => u.UserName)
                .Select(u => u.UserName + ":" + u.IsDisabled + ":" + u.OrgUnitId)
                .ToListAsync();
            var sessions = await db
                .MediationSessions.AsNoTracking()
                .OrderBy(x => x.Id)
                .Select(x => x.Id + ":" + x.Version + ":" + x.Status)
                .ToListAsync();
            var counselling = await db
                .CounsellingSessions.AsNoTracking()
                .OrderBy(x => x.Id)
                .Select(x => x.Id + ":" + x.Version)
                .ToListAsync();
            var incidents = await db
                .Incidents.AsNoTracking()
                .OrderBy(x => x.Number)
                .Select(x => x.Number + ":" + x.Version + ":" + x.OrgUnitId)
                .ToListAsync();
            var incidentLinks = await db.IncidentLinks.AsNoTracking().CountAsync();
            var clusters = await db
                .RepeatClusters.AsNoTracking()
                .OrderBy(x => x.Id)
                .Select(x => x.Id + ":" + x.Version + ":" + x.DisputeId)
                .ToListAsync();
            var lookbacks = await db
                .LookBackTasks.AsNoTracking()
                .OrderBy(x => x.Id)
                .Select(x => x.Id + ":" + x.AssigneeId + ":" + x.Result)
                .ToListAsync();
            var honours = await Volunteers.HonourSetup.MatrixSnapshotAsync(db);
            return JsonSerializer.Serialize(
                new
                {
                    units,
                    residents,
                    members,
                    users,
                    disputes,
                    sessions,
                    counselling,
                    agreements,
                    incidents,
                    incidentLinks,
                    clusters,
                    lookbacks,
                    honours,
                }
            );
        });
}
