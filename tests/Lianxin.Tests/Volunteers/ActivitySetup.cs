using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Volunteers;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Volunteers;

/// <summary>Volunteer records and accounts the activity tests need, made idempotently on top of the test world.</summary>
public static class ActivitySetup
{
    public static readonly string[] Skills = ["first-aid", "rescue"];

    /// <summary>A volunteer record for an existing account (made if missing), set to the given status and skills.</summary>
    public static Task<Guid> VolunteerForAsync(
        AppFixture app,
        string userName,
        VolunteerStatus status = VolunteerStatus.Active,
        params string[] skills
    ) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var account = await db.Users.AsNoTracking().FirstAsync(u => u.UserName == userName);
            var v = await db.Volunteers.FirstOrDefaultAsync(x => x.UserId == account.Id);
            if (v is null)
            {
                (v, _) = Volunteer.Applying(
                    account.Id,
                    new VolunteerDetails(
                        "义警" + userName,
                        Gender.Unknown,
                        ProtectedText.Empty,
                        ProtectedText.Empty,
                        account.OrgUnitId!.Value,
                        [],
                        VolunteerAvailability.None
                    ),
                    DateTimeOffset.UtcNow
                );
                db.Volunteers.Add(v);
            }
            VolunteerTestData.Walk(v, status, DateTimeOffset.UtcNow);
            if (skills.Length > 0)
                v.CorrectProfile(skills.ToList(), null, v.AssistantKindCode, v.Note);
            await db.SaveChangesAsync();
            return v.Id;
        });

    /// <summary>A fresh account with the volunteer role in the given unit and an Active volunteer record.</summary>
    public static async Task<(string UserName, Guid VolunteerId)> NewVolunteerAsync(
        AppFixture app,
        Guid unitId,
        VolunteerStatus status = VolunteerStatus.Active,
        params string[] skills
    )
    {
        var name = "act" + Guid.NewGuid().ToString("N")[..10];
        await app.Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            var u = new LianxinUser
            {
                UserName = name,
                DisplayName = name,
                OrgUnitId = unitId,
                PasswordChangedAt = DateTimeOffset.UtcNow,
            };
            var r = await users.CreateAsync(u, TestWorld.Password);
            if (!r.Succeeded)
                throw new InvalidOperationException(string.Join(";", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, BuiltInRoles.Volunteer);
            return true;
        });
        return (name, await VolunteerForAsync(app, name, status, skills));
    }

    /// <summary>The skill dictionary entries the tests name, added when the seed does not have them.</summary>
    public static Task<bool> SkillsAsync(AppFixture app) =>
        app.Factory.WithDbAsync(async db =>
        {
            foreach (var (code, name) in new[] { ("first-aid", "急救"), ("rescue", "救援") })
                if (!await db.DictionaryItems.AnyAsync(i => i.Category == VolunteerDictionaries.Skill && i.Code == code))
                    db.DictionaryItems.Add(
                        new DictionaryItem
                        {
                            Category = VolunteerDictionaries.Skill,
                            Code = code,
                            Name = name,
                        }
                    );
            await db.SaveChangesAsync();
            return true;
        });

    public static Task<Guid> SquadAsync(AppFixture app, Guid unitId, string name, params (Guid VolunteerId, SquadRole Role)[] members) =>
        app.Factory.WithDbAsync(async db =>
        {
            var s = new Squad
            {
                OrgUnitId = unitId,
                Name = name,
                TypeCode = "patrol",
            };
            db.Squads.Add(s);
            foreach (var (v, role) in members)
                db.SquadMembers.Add(
                    new SquadMember
                    {
                        SquadId = s.Id,
                        VolunteerId = v,
                        Role = role,
                        JoinedAt = DateTimeOffset.UtcNow,
                    }
                );
            await db.SaveChangesAsync();
            return s.Id;
        });

    /// <summary>Moves an activity in time (tests cannot wait for a start).</summary>
    public static Task<bool> ShiftAsync(AppFixture app, Guid activityId, DateTimeOffset startsAt, DateTimeOffset endsAt) =>
        app.Factory.WithDbAsync(async db =>
        {
            var a = await db.Activities.FirstAsync(x => x.Id == activityId);
            a.StartsAt = startsAt;
            a.EndsAt = endsAt;
            await db.SaveChangesAsync();
            return true;
        });

    /// <summary>The smallest file the photo store takes as a PNG: the signature and a few bytes.</summary>
    public static byte[] Png(int size = 64)
    {
        var bytes = new byte[size];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }
}
