using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Access;
using Lianxin.Tests.Support;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Access;

public sealed class OfficerLedgerSqliteTests(SqliteApp app) : OfficerLedgerTests(app), IClassFixture<SqliteApp>;

/// <summary>A community officer exports the ledgers of his own area, and only those.</summary>
public abstract class OfficerLedgerTests(AppFixture app)
{
    private static async Task<List<IDictionary<string, object>>> RowsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
    }

    [Fact]
    public async Task An_officer_exports_his_own_disputes_and_none_of_another_stations()
    {
        var officer = await app.As("officer1");
        var numbers = (await RowsAsync(await officer.GetAsync("/api/v1/disputes/export"))).Select(r => r["编号"]?.ToString()).ToList();
        Assert.Contains("JF-TEST-1", numbers);
        Assert.DoesNotContain("JF-TEST-2", numbers);
        // Another station's, asked for by name: the file holds no row (an empty export is one blank row under the headers).
        var other = await RowsAsync(await officer.GetAsync($"/api/v1/disputes/export?orgUnitId={app.World.Stations[1].Id}"));
        Assert.All(other, r => Assert.True(string.IsNullOrEmpty(r["编号"]?.ToString())));
    }

    [Fact]
    public async Task An_officer_exports_his_own_residents_and_none_of_another_stations()
    {
        async Task Register(string leader, int station, string name)
        {
            var client = await app.As(leader);
            var response = await client.PostAsJsonAsync(
                "/api/v1/residents",
                new
                {
                    name,
                    phone = "13912345678",
                    address = "三组1号",
                    orgUnitId = app.World.Grids[station].Id,
                }
            );
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }
        await Register("leader1", 0, "台账东峪");
        await Register("leader2", 1, "台账西峪");
        var officer = await app.As("officer1");
        var rows = await RowsAsync(await officer.GetAsync("/api/v1/residents/export"));
        var names = rows.Select(r => r["姓名"]?.ToString()).ToList();
        Assert.Contains("台账东峪", names);
        Assert.DoesNotContain("台账西峪", names);
        Assert.DoesNotContain(rows, r => r["所属单位"]?.ToString() == app.World.Grids[1].Name);
    }

    [Fact]
    public async Task A_station_that_had_the_role_before_gets_the_new_rights_once()
    {
        async Task<bool> HoldsExport(bool forgetSeeding, bool take)
        {
            return await app.Factory.WithScopeAsync(async sp =>
            {
                var roles = sp.GetRequiredService<RoleManager<LianxinRole>>();
                var role = (await roles.FindByNameAsync(BuiltInRoles.CommunityOfficer))!;
                var export = new System.Security.Claims.Claim(Permissions.ClaimType, Permissions.DisputesExport);
                if (take)
                    await roles.RemoveClaimAsync(role, export);
                if (forgetSeeding)
                {
                    // As an older version left it: the disputes feature seeded, without the export right.
                    role.SeededFeatures = [.. role.SeededFeatures.Where(f => f != Permissions.DisputesExport)];
                    await roles.UpdateAsync(role);
                }
                await BuiltInRoleSeeder.EnsureAsync(sp);
                role = (await roles.FindByNameAsync(BuiltInRoles.CommunityOfficer))!;
                return (await roles.GetClaimsAsync(role)).Any(c =>
                    c.Type == Permissions.ClaimType && c.Value == Permissions.DisputesExport
                );
            });
        }
        Assert.True(await HoldsExport(forgetSeeding: true, take: true)); // the upgrade adds it
        Assert.False(await HoldsExport(forgetSeeding: false, take: true)); // taken away by the station: stays away
        Assert.True(await HoldsExport(forgetSeeding: true, take: false)); // put back for the other tests
    }
}
