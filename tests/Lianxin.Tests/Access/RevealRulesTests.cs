using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Tests.Support;
using Lianxin.Tests.Volunteers;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class RevealRulesSqliteTests(SqliteApp app) : RevealRulesTests(app), IClassFixture<SqliteApp>;

public sealed class RevealRulesPostgresTests(PostgresApp app) : RevealRulesTests(app), IClassFixture<PostgresApp>;

/// <summary>Seeing personal data in clear takes people.reveal, on top of the feature's right, on every route that
/// reveals; a refusal is audited.</summary>
public abstract class RevealRulesTests(AppFixture app)
{
    [Fact]
    public void Every_reveal_route_requires_people_reveal()
    {
        var policy = PermissionPolicyProvider.PolicyFor(Permissions.PeopleReveal);
        var reveals = app
            .Factory.Services.GetRequiredService<EndpointDataSource>()
            .Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.RoutePattern.RawText ?? "").Contains("reveal", StringComparison.Ordinal))
            .ToList();
        Assert.True(reveals.Count >= 6, $"expected the reveal routes, found {reveals.Count}");
        var open = reveals
            .Where(e => !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == policy))
            .Select(e => e.RoutePattern.RawText);
        Assert.Empty(open);
    }

    [Fact]
    public async Task A_tip_handler_without_people_reveal_cannot_see_the_sender_and_the_refusal_is_audited()
    {
        await FeedTipSetup.ActiveVolunteerAsync(app, "volunteer1", 0, "王义警");
        var volunteer = await app.As("volunteer1");
        var sent = await ApiAssert.OkAsync<TipSubmitted>(
            await volunteer.PostAsJsonAsync(
                "/api/v1/volunteers/tips",
                new
                {
                    categoryCode = "gambling",
                    orgUnitId = app.World.Villages[0].Id,
                    address = "东峪村三组后山",
                    body = "后山有人聚赌",
                    anonymous = false,
                }
            ),
            HttpStatusCode.Created
        );

        // The auxiliary handles tips but holds no people.reveal.
        var auxiliary = await app.As("auxiliary1");
        var seen = await ApiAssert.OkAsync<TipDetail>(await auxiliary.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"));
        Assert.False(seen.CanRevealSender);
        Assert.Equal("义警 王**", seen.Summary.Sender);
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync($"/api/v1/volunteers/tips/{sent.Id}/sender/reveal", new { reason = "核实" }),
            HttpStatusCode.Forbidden
        );
        var auxiliaryId = app.World.UserIds["auxiliary1"];
        var refusals = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.Action == AuditAction.Refused && a.UserId == auxiliaryId).ToListAsync()
        );
        Assert.Contains(refusals, a => a.EntityId!.EndsWith($"/volunteers/tips/{sent.Id}/sender/reveal", StringComparison.Ordinal));
        Assert.Contains(refusals, a => a.Summary!.Contains(Permissions.PeopleReveal, StringComparison.Ordinal));
        Assert.False(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Reveal && a.EntityId == sent.Id.ToString())
            )
        );

        // The officer holds both rights and sees the sender, audited as a reveal.
        var officer = await app.As("officer1");
        Assert.True((await ApiAssert.OkAsync<TipDetail>(await officer.GetAsync($"/api/v1/volunteers/tips/{sent.Id}"))).CanRevealSender);
        var revealed = await ApiAssert.OkAsync<RevealedSender>(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/tips/{sent.Id}/sender/reveal", new { reason = "核实" })
        );
        Assert.Equal("王义警", revealed.Name);
    }

    [Fact]
    public async Task A_service_refusal_is_audited_too()
    {
        // A unit outside the caller's scope is refused by the service (403), not by a policy.
        var officer = await app.As("officer1");
        var response = await officer.GetAsync(
            $"/api/v1/incidents/statistics?orgUnitId={app.World.Stations[1].Id}&from=2026-01-01&to=2026-01-31"
        );
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var officerId = app.World.UserIds["officer1"];
        Assert.True(
            await app.Factory.WithDbAsync(db =>
                db.AuditEntries.AnyAsync(a =>
                    a.Action == AuditAction.Refused && a.UserId == officerId && a.EntityId!.Contains("/statistics")
                )
            )
        );
    }
}
