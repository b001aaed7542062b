using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Support;

/// <summary>A small county for tests: a bureau with two stations, each with a police district, a village
/// and a grid; one account per role in each station; a few residents per village.</summary>
public sealed class TestWorld
{
    public const string Password = "Lianxin-Test-2026!";

    public OrgUnit Bureau { get; private set; } = default!;
    public OrgUnit[] Stations { get; } = new OrgUnit[2];
    public OrgUnit[] Districts { get; } = new OrgUnit[2];
    public OrgUnit[] Villages { get; } = new OrgUnit[2];
    public OrgUnit[] Grids { get; } = new OrgUnit[2];
    public Dictionary<string, string> UserIds { get; } = [];
    public Dictionary<string, Guid> ResidentIds { get; } = [];
    public Guid[] MemberIds { get; } = new Guid[2];
    public Guid[] DisputeIds { get; } = new Guid[2];

    /// <summary>The volunteer record of "volunteer1"/"volunteer2" (active, leader of its station's squad).</summary>
    public Guid[] VolunteerIds { get; } = new Guid[2];

    /// <summary>One patrol squad per station, led by that station's volunteer account.</summary>
    public Guid[] SquadIds { get; } = new Guid[2];

    /// <summary>Accounts per station: name suffix 1 or 2 (e.g. "officer1").</summary>
    public static readonly (string Prefix, string Role, Func<TestWorld, int, OrgUnit> Unit)[] StationAccounts =
    [
        ("leader", BuiltInRoles.StationLeader, (w, i) => w.Stations[i]),
        ("officer", BuiltInRoles.CommunityOfficer, (w, i) => w.Districts[i]),
        ("auxiliary", BuiltInRoles.Auxiliary, (w, i) => w.Districts[i]),
        ("mediator", BuiltInRoles.Mediator, (w, i) => w.Villages[i]),
        ("volunteer", BuiltInRoles.Volunteer, (w, i) => w.Grids[i]),
        ("resident", BuiltInRoles.Resident, (w, i) => w.Grids[i]),
        ("informant", BuiltInRoles.Informant, (w, i) => w.Villages[i]),
    ];

    public static readonly (string User, string Role)[] CountyAccounts =
    [
        ("bureau", BuiltInRoles.BureauLeader),
        ("sysadmin", BuiltInRoles.SystemAdmin),
        ("secadmin", BuiltInRoles.SecurityAdmin),
        ("auditor", BuiltInRoles.Auditor),
    ];

    public static async Task<TestWorld> CreateAsync(LianxinFactory factory, bool mustChangePassword = false)
    {
        var world = new TestWorld();
        await factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            world.Bureau = OrgUnit.Create("T-BUR", "测试县公安局", OrgUnitKind.Bureau, null);
            db.OrgUnits.Add(world.Bureau);
            for (var i = 0; i < 2; i++)
            {
                var n = i + 1;
                world.Stations[i] = OrgUnit.Create($"T-S{n}", $"第{n}派出所", OrgUnitKind.Station, world.Bureau);
                world.Districts[i] = OrgUnit.Create($"T-D{n}", $"第{n}警务区", OrgUnitKind.PoliceDistrict, world.Stations[i]);
                world.Villages[i] = OrgUnit.Create($"T-V{n}", $"{(i == 0 ? "东" : "西")}峪村", OrgUnitKind.Village, world.Districts[i]);
                world.Grids[i] = OrgUnit.Create($"T-G{n}", $"{(i == 0 ? "东" : "西")}峪一网格", OrgUnitKind.Grid, world.Villages[i]);
                db.OrgUnits.AddRange(world.Stations[i], world.Districts[i], world.Villages[i], world.Grids[i]);
            }
            db.SuppressEntityAudit = true;
            await db.SaveChangesAsync();
            for (var i = 0; i < 2; i++)
            {
                foreach (var (name, id, seq) in new[] { ("张三", 0, 1), ("李四", 1, 2) })
                {
                    var number = IdFor(1980 + seq, i * 10 + seq);
                    var r = new Resident
                    {
                        Name = $"{name}{i + 1}",
                        OrgUnitId = world.Grids[i].Id,
                        Address = $"{world.Villages[i].Name}三组{seq}号",
                        IdNumber = protector.Protect(number, CitizenId.Mask),
                        Phone = protector.Protect($"1380000{i}{seq:000}", PhoneNumber.Mask),
                        Gender = CitizenId.Parse(number).Gender,
                        BirthDate = CitizenId.Parse(number).BirthDate,
                    };
                    db.Residents.Add(r);
                    world.ResidentIds[$"{name}{i + 1}"] = r.Id;
                }
            }
            for (var i = 0; i < 2; i++)
            {
                var m = new Member
                {
                    Name = $"百户长{i + 1}",
                    Kind = MemberKind.HouseholdHead,
                    OrgUnitId = world.Villages[i].Id,
                    Skills = ["mediation"],
                };
                db.Members.Add(m);
                world.MemberIds[i] = m.Id;
            }
            await db.SaveChangesAsync();

            for (var i = 0; i < 2; i++)
            {
                var d = Lianxin.Core.Disputes.Dispute.Register(
                    new Lianxin.Core.Disputes.DisputeRegistration
                    {
                        Number = $"JF-TEST-{i + 1}",
                        Title = $"{world.Villages[i].Name}邻里纠纷",
                        CategoryCode = "neighbour",
                        Description = "两家因排水沟堵塞发生口角",
                        Source = Lianxin.Core.Disputes.DisputeSource.Screening,
                        OrgUnitId = world.Villages[i].Id,
                        Parties = [Lianxin.Core.Disputes.DisputeParty.Create(Lianxin.Core.Disputes.PartyRole.Applicant, "赵某")],
                    },
                    "seed",
                    DateTimeOffset.UtcNow
                );
                db.Disputes.Add(d);
                world.DisputeIds[i] = d.Id;
            }
            await db.SaveChangesAsync();

            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            async Task Add(string userName, string role, OrgUnit unit)
            {
                var u = new LianxinUser
                {
                    UserName = userName,
                    DisplayName = userName,
                    OrgUnitId = unit.Id,
                    MustChangePassword = mustChangePassword,
                    PasswordChangedAt = DateTimeOffset.UtcNow,
                };
                var r = await users.CreateAsync(u, Password);
                if (!r.Succeeded)
                    throw new InvalidOperationException(string.Join(";", r.Errors.Select(e => e.Description)));
                await users.AddToRoleAsync(u, role);
                world.UserIds[userName] = u.Id;
            }
            for (var i = 0; i < 2; i++)
                foreach (var (prefix, role, unit) in StationAccounts)
                    await Add($"{prefix}{i + 1}", role, unit(world, i));
            foreach (var (user, role) in CountyAccounts)
                await Add(user, role, world.Bureau);

            for (var i = 0; i < 2; i++)
            {
                var (v, _) = Lianxin.Core.Volunteers.Volunteer.Applying(
                    world.UserIds[$"volunteer{i + 1}"],
                    new Lianxin.Core.Volunteers.VolunteerDetails(
                        $"义警{i + 1}",
                        Gender.Male,
                        protector.Protect($"1390000{i}001", PhoneNumber.Mask),
                        ProtectedText.Empty,
                        world.Villages[i].Id,
                        ["first-aid", "patrol"],
                        Lianxin.Core.Volunteers.VolunteerAvailability.Weekend
                    ),
                    DateTimeOffset.UtcNow.AddDays(-30)
                );
                v.Accept(null, DateTimeOffset.UtcNow.AddDays(-29));
                db.Volunteers.Add(v);
                db.VolunteerStatusChanges.Add(
                    new Lianxin.Core.Volunteers.VolunteerStatusChange
                    {
                        VolunteerId = v.Id,
                        To = Lianxin.Core.Volunteers.VolunteerStatus.Active,
                        At = v.JoinedAt!.Value,
                        Reason = "测试数据",
                    }
                );
                var squad = new Lianxin.Core.Volunteers.Squad
                {
                    Name = $"第{i + 1}巡逻中队",
                    TypeCode = "patrol",
                    OrgUnitId = world.Stations[i].Id,
                };
                db.Squads.Add(squad);
                db.SquadMembers.Add(
                    new Lianxin.Core.Volunteers.SquadMember
                    {
                        SquadId = squad.Id,
                        VolunteerId = v.Id,
                        Role = Lianxin.Core.Volunteers.SquadRole.Leader,
                        JoinedAt = v.JoinedAt!.Value,
                    }
                );
                world.VolunteerIds[i] = v.Id;
                world.SquadIds[i] = squad.Id;
            }
            await db.SaveChangesAsync();
            return true;
        });
        return world;
    }

    /// <summary>A valid 18-digit ID for a Hebei birth in the given year.</summary>
    public static string IdFor(int year, int seq)
    {
        var first17 = $"130131{year:0000}0315{seq % 1000:000}";
        return first17 + CitizenId.ComputeCheckChar(first17);
    }

    public static async Task<HttpClient> ClientAsync(LianxinFactory factory, string userName, string password = Password)
    {
        var client = factory.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    public sealed record TokenResponse(string AccessToken, string TokenType, long ExpiresIn, string RefreshToken);
}
