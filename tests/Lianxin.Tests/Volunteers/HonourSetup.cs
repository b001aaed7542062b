using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Volunteers;

/// <summary>Volunteer records and ledger lines for the training, honours and figures tests, each test in a
/// village of its own so exact counts are not disturbed by other tests of the class.</summary>
public static class HonourSetup
{
    /// <summary>A new village under the station's police district, with one grid.</summary>
    public static Task<(OrgUnit Village, OrgUnit Grid)> VillageAsync(LianxinFactory factory, TestWorld world, int station) =>
        factory.WithDbAsync(async db =>
        {
            var district = await db.OrgUnits.FirstAsync(u => u.Id == world.Districts[station].Id);
            var code = Guid.NewGuid().ToString("N")[..8];
            var village = OrgUnit.Create("HV-" + code, $"荣誉村{code[..4]}", OrgUnitKind.Village, district);
            var grid = OrgUnit.Create("HG-" + code, $"荣誉网格{code[..4]}", OrgUnitKind.Grid, village);
            db.OrgUnits.AddRange(village, grid);
            await db.SaveChangesAsync();
            return (village, grid);
        });

    public static Task<Guid> VolunteerAsync(
        LianxinFactory factory,
        Guid unitId,
        string name,
        VolunteerStatus status = VolunteerStatus.Active,
        DateTimeOffset? joinedAt = null,
        string? userId = null,
        Guid? id = null
    ) =>
        factory.WithDbAsync(async db =>
        {
            var v = VolunteerTestData.InStatus(
                unitId,
                name,
                status,
                (joinedAt ?? DateTimeOffset.UtcNow).AddDays(-7),
                joinedAt ?? DateTimeOffset.UtcNow.AddYears(-2),
                userId
            );
            if (id is { } fixedId)
                v.Id = fixedId;
            db.Volunteers.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });

    /// <summary>The volunteer record of a test account, made once.</summary>
    public static async Task<Guid> VolunteerOfAccountAsync(LianxinFactory factory, TestWorld world, string account)
    {
        var userId = world.UserIds[account];
        var existing = await factory.WithDbAsync(db =>
            db.Volunteers.Where(v => v.UserId == userId).Select(v => (Guid?)v.Id).FirstOrDefaultAsync()
        );
        if (existing is { } id)
            return id;
        var unit = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.OrgUnitId!.Value).FirstAsync());
        return await VolunteerAsync(factory, unit, account + "义警", userId: userId);
    }

    public static Task<bool> CreditsAsync(LianxinFactory factory, IEnumerable<VolunteerCredit> credits) =>
        factory.WithDbAsync(async db =>
        {
            db.VolunteerCredits.AddRange(credits);
            await db.SaveChangesAsync();
            return true;
        });

    public static VolunteerCredit Credit(
        Guid volunteer,
        Guid unit,
        CreditSource source,
        DateTimeOffset at,
        int minutes,
        int points,
        Guid? sourceId = null
    ) =>
        new()
        {
            VolunteerId = volunteer,
            OrgUnitId = unit,
            Source = source,
            SourceId = sourceId,
            At = at,
            Minutes = minutes,
            Points = points,
            Reason = "测试",
        };

    public static Task<Guid> SquadAsync(LianxinFactory factory, Guid unitId, string name, params Guid[] members) =>
        factory.WithDbAsync(async db =>
        {
            var s = new Squad
            {
                OrgUnitId = unitId,
                Name = name,
                TypeCode = "patrol",
            };
            db.Squads.Add(s);
            foreach (var m in members)
                db.SquadMembers.Add(
                    new SquadMember
                    {
                        SquadId = s.Id,
                        VolunteerId = m,
                        JoinedAt = DateTimeOffset.UtcNow,
                    }
                );
            await db.SaveChangesAsync();
            return s.Id;
        });

    public static readonly Guid Station2Volunteer = Guid.Parse("0199aaaa-0000-7000-8000-000000000002");

    /// <summary>A training session of station 2 and a volunteer of station 2 (made once per app), for the
    /// access matrix's routes to aim at.</summary>
    public static async Task<(Guid Training, Guid Volunteer)> TrainingOfStation2Async(LianxinFactory factory, TestWorld world)
    {
        const string title = "二所越权测试培训";
        var known = await factory.WithDbAsync(db =>
            db.TrainingSessions.Where(t => t.Title == title).Select(t => (Guid?)t.Id).FirstOrDefaultAsync()
        );
        var volunteer = await factory.WithDbAsync(db =>
            db.Volunteers.Where(v => v.Id == Station2Volunteer).Select(v => (Guid?)v.Id).FirstOrDefaultAsync()
        ) ?? await VolunteerAsync(factory, world.Villages[1].Id, "二所越权测试义警", id: Station2Volunteer);
        if (known is { } id)
            return (id, volunteer);
        var training = await factory.WithDbAsync(async db =>
        {
            var t = new Lianxin.Core.Volunteers.Honours.TrainingSession
            {
                OrgUnitId = world.Stations[1].Id,
                Title = title,
                StartsAt = DateTimeOffset.UtcNow.AddDays(-1),
                Minutes = 120,
                Points = 2,
            };
            db.TrainingSessions.Add(t);
            await db.SaveChangesAsync();
            return t.Id;
        });
        return (training, volunteer);
    }

    /// <summary>A body that, were it accepted, would write into station 2.</summary>
    public static object MatrixBody(TestWorld world) =>
        new
        {
            orgUnitId = world.Villages[1].Id,
            title = "越权培训",
            startsAt = DateTimeOffset.UtcNow.AddHours(-1),
            hours = 1,
            reason = "越权调整",
            volunteerId = Station2Volunteer,
            items = new[]
            {
                new
                {
                    volunteerId = Station2Volunteer,
                    attended = true,
                    passed = true,
                },
            },
        };

    /// <summary>What the matrix compares: training sessions, attendance and the credit ledger.</summary>
    public static async Task<string> MatrixSnapshotAsync(LianxinDbContext db) =>
        $"{await db.TrainingSessions.CountAsync()}:{await db.TrainingAttendances.CountAsync()}:{await db.VolunteerCredits.CountAsync()}";
}
