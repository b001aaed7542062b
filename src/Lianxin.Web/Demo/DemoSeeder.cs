using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Demo;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Demo;

/// <summary>Builds the demo county into an empty database and creates one account per role, each
/// with a one-time password that must be changed at first sign-in.</summary>
public static class DemoSeeder
{
    public static async Task<IReadOnlyList<DemoAccount>> SeedAsync(
        IServiceProvider services,
        int residents = 80_000,
        CancellationToken ct = default,
        int disputes = DemoDisputes.DefaultCount,
        int incidentCount = DemoIncidents.DefaultCount,
        IProgress<string>? progress = null
    )
    {
        var db = services.GetRequiredService<LianxinDbContext>();
        if (await db.OrgUnits.AnyAsync(ct))
            throw new InvalidOperationException("数据库中已有辖区数据，演示数据只能写入空库。");
        var protector = services.GetRequiredService<PersonalDataProtector>();
        var bulk = services.GetRequiredService<IBulkWriter>();
        progress?.Report($"生成辖区、人员和 {residents:N0} 名群众");
        var county = DemoCounty.Build(protector, residents);
        var time = services.GetRequiredService<TimeProvider>();
        progress?.Report($"生成 {disputes:N0} 件矛盾纠纷和 {incidentCount:N0} 起警情");
        var built = DemoDisputes.BuildWithAgreements(county, disputes, time.GetUtcNow());
        var cases = built.Disputes;
        var incidents = DemoIncidents.Build(county, protector, incidentCount, time.GetUtcNow());

        db.SuppressEntityAudit = true;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            progress?.Report("写入数据库：单位、人员、群众");
            await bulk.WriteAsync(db, county.Units, ct);
            await bulk.WriteAsync(db, county.Members, ct);
            await bulk.WriteAsync(db, county.Residents, ct);
            progress?.Report("写入数据库：矛盾纠纷及其统计");
            await bulk.WriteWithOwnedAsync(db, cases, ct);
            await bulk.WriteWithOwnedAsync(db, built.Agreements, ct);
            // The next agreement drafted in the app follows on from the demo's numbers.
            foreach (var (series, last) in built.Counters)
                await RecordNumbers.ReserveAsync(db, series, 1, last, ct);
            // The bulk path does not pass through the save that keeps the tallies; count them once here.
            await DisputeTallyRollup.RebuildAsync(db, bulk, ct);
            progress?.Report("写入数据库：警情及其统计");
            await bulk.WriteAsync(db, incidents, ct);
            await Core.Incidents.Statistics.IncidentTallyRollup.RebuildAsync(db, bulk, ct);
            db.Audit(
                AuditAction.Import,
                DemoAuditType,
                null,
                $"生成演示县：{county.Units.Count} 个单位、{county.Members.Count} 名人员、{county.Residents.Count} 名群众、"
                    + $"{cases.Count} 件矛盾纠纷（调解协议 {built.Agreements.Count} 份）、{incidents.Count} 起警情",
                userName: "系统（演示数据）"
            );
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        db.SuppressEntityAudit = false;
        db.ChangeTracker.Clear();

        var s1 = county.Stations[0];
        var s2 = county.Stations.Count > 1 ? county.Stations[1] : s1;
        var plan = new (string User, string Name, string Role, Core.Organization.OrgUnit Unit)[]
        {
            ("bureau", "县局指挥中心", BuiltInRoles.BureauLeader, county.Bureau),
            ("leader", "王所长", BuiltInRoles.StationLeader, s1.Station),
            ("officer", "李警官", BuiltInRoles.CommunityOfficer, s1.PoliceDistrict),
            ("auxiliary", "赵辅警", BuiltInRoles.Auxiliary, s1.PoliceDistrict),
            ("mediator", "刘调解员", BuiltInRoles.Mediator, s1.Village),
            ("volunteer", "陈义警", BuiltInRoles.Volunteer, s1.Grid),
            ("resident", "孙群众", BuiltInRoles.Resident, s1.Grid),
            ("informant", "郑百户长", BuiltInRoles.Informant, s1.Village),
            ("leader2", "周所长", BuiltInRoles.StationLeader, s2.Station),
            ("officer2", "吴警官", BuiltInRoles.CommunityOfficer, s2.PoliceDistrict),
            ("sysadmin", "系统管理员", BuiltInRoles.SystemAdmin, county.Bureau),
            ("secadmin", "安全管理员", BuiltInRoles.SecurityAdmin, county.Bureau),
            ("auditor", "审计员", BuiltInRoles.Auditor, county.Bureau),
        };
        progress?.Report("创建各角色账号");
        var users = services.GetRequiredService<UserManager<LianxinUser>>();
        var accounts = new List<DemoAccount>();
        foreach (var (userName, name, role, unit) in plan)
        {
            var password = UserAdminService.GeneratePassword();
            var user = new LianxinUser
            {
                UserName = userName,
                DisplayName = name,
                OrgUnitId = unit.Id,
                MustChangePassword = true,
                CreatedAt = time.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, password));
            Check(await users.AddToRoleAsync(user, role));
            accounts.Add(new DemoAccount(userName, name, BuiltInRoles.All.First(r => r.Name == role).DisplayName, unit.Name, password));
        }
        progress?.Report("写入义警、中队、活动、线索和培训");
        var volunteers = await SeedVolunteersAsync(
            db,
            county,
            protector,
            time.GetUtcNow(),
            (await users.FindByNameAsync("volunteer"))?.Id,
            ct
        );
        await SeedVolunteerWorkAsync(services, db, county, protector, time.GetUtcNow(), volunteers, ct);
        progress?.Report("登记治安案件");
        await SeedCasesAsync(services, db, county, incidents, time.GetUtcNow(), ct);
        progress?.Report("查找近期重复警情");
        await SeedRepeatGroupsAsync(services, db, time.GetUtcNow(), ct);
        return accounts;
    }

    /// <summary>The repeated-incident groups of the last three windows, found by the same check an intake runs (in
    /// received order, in parts), so the repeat pages, the home page and the officers' inboxes have something to show.
    /// The bulk write above skipped the intake steps.</summary>
    private static async Task SeedRepeatGroupsAsync(
        IServiceProvider services,
        LianxinDbContext db,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var steps = services.GetServices<IIncidentIntakeStep>().OfType<RepeatCheck>().ToList();
        var rule = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RepeatOptions>>().Value;
        var since = now.AddDays(-3 * rule.WindowDays);
        var ids = await db
            .Incidents.AsNoTracking()
            .Where(i => i.ReceivedAt >= since)
            .OrderBy(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .Select(i => i.Id)
            .ToListAsync(ct);
        if (ids.Count == 0 || steps.Count == 0)
            return;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var chunk in ids.Chunk(2000))
        {
            var part = await db
                .Incidents.Include(i => i.Parties)
                .Where(i => chunk.Contains(i.Id))
                .OrderBy(i => i.ReceivedAt)
                .ThenBy(i => i.Id)
                .ToListAsync(ct);
            await IncidentIntake.RunPartAsync(db, steps, part, ct);
            db.ChangeTracker.Clear();
        }
        await IncidentIntake.FinishPartsAsync(db, steps, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Public-security cases from the demo community officer's recent incidents, handled by that officer.</summary>
    private static async Task SeedCasesAsync(
        IServiceProvider services,
        LianxinDbContext db,
        DemoCountyData county,
        IReadOnlyList<Core.Incidents.Incident> incidents,
        DateTimeOffset now,
        CancellationToken ct
    )
    {
        var officer = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == "officer", ct);
        var district = county.Stations[0].PoliceDistrict.Id;
        var parents = county.Units.ToDictionary(u => u.Id, u => u.ParentId);
        bool InDistrict(Guid id)
        {
            for (Guid? u = id; u is { } at; u = parents.GetValueOrDefault(at))
                if (at == district)
                    return true;
            return false;
        }
        var units = county.Units.Where(u => InDistrict(u.Id)).Select(u => u.Id).ToHashSet();
        var limits = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Incidents.Cases.CaseOptions>>().Value;
        var cases = DemoCases.Build(incidents, units, now, officer?.Id, officer?.DisplayName ?? "李警官", limits.CaseLimitDays);
        db.SuppressEntityAudit = true;
        try
        {
            db.PublicSecurityCases.AddRange(cases);
            db.Audit(AuditAction.Import, "DemoCases", null, $"生成演示治安案件 {cases.Count} 起", userName: "系统（演示数据）");
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        db.ChangeTracker.Clear();
    }

    /// <summary>Whether the database was filled by <see cref="SeedAsync"/>: its audit log holds the line the demo county's
    /// import writes. `seed demo --reset` empties only such a database, never one a station has worked in.</summary>
    public static Task<bool> IsDemoDatabaseAsync(LianxinDbContext db, CancellationToken ct = default) =>
        db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Import && a.EntityType == DemoAuditType, ct);

    private const string DemoAuditType = "DemoCounty";

    /// <summary>The demo station's volunteers and squads; the demo volunteer account gets its own active record.</summary>
    private static async Task<DemoVolunteers.Data> SeedVolunteersAsync(
        LianxinDbContext db,
        DemoCountyData county,
        PersonalDataProtector protector,
        DateTimeOffset now,
        string? volunteerUserId,
        CancellationToken ct
    )
    {
        var data = DemoVolunteers.Build(county, protector, now, volunteerUserId);
        db.SuppressEntityAudit = true;
        try
        {
            db.Volunteers.AddRange(data.Volunteers);
            db.VolunteerStatusChanges.AddRange(data.Changes);
            db.Squads.AddRange(data.Squads);
            db.SquadMembers.AddRange(data.Members);
            db.Audit(
                AuditAction.Import,
                "DemoVolunteers",
                null,
                $"生成演示义警 {data.Volunteers.Count} 名、中队 {data.Squads.Count} 个",
                userName: "系统（演示数据）"
            );
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        db.ChangeTracker.Clear();
        return data;
    }

    /// <summary>The demo station's activities, tips, feed and trainings, done by the demo accounts, with the hours and
    /// points credited by the configured rules.</summary>
    private static async Task SeedVolunteerWorkAsync(
        IServiceProvider services,
        LianxinDbContext db,
        DemoCountyData county,
        PersonalDataProtector protector,
        DateTimeOffset now,
        DemoVolunteers.Data volunteers,
        CancellationToken ct
    )
    {
        var users = await db
            .Users.AsNoTracking()
            .Where(u => u.UserName != null)
            .ToDictionaryAsync(u => u.UserName!, u => (u.Id, u.DisplayName), ct);
        var officer = users["officer"];
        var likers = new[] { "volunteer", "resident", "officer", "leader", "auxiliary", "informant" }
            .Where(users.ContainsKey)
            .Select(n => users[n].Id)
            .ToList();
        var accounts = new DemoVolunteerWork.Accounts(
            officer.Id,
            officer.DisplayName,
            users["leader"].Id,
            users.GetValueOrDefault("volunteer").Id,
            users.GetValueOrDefault("resident").Id,
            users.GetValueOrDefault("resident").DisplayName ?? "孙群众",
            likers
        );
        var work = DemoVolunteerWork.Build(
            county,
            volunteers,
            protector,
            now,
            accounts,
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Volunteers.Activities.PointsOptions>>().Value,
            services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Volunteers.Tips.TipOptions>>().Value.PointsPerTip
        );
        db.SuppressEntityAudit = true;
        try
        {
            // Sign-ups and target squads are saved with their activities.
            db.Activities.AddRange(work.Activities);
            db.TrainingSessions.AddRange(work.Trainings);
            db.TrainingAttendances.AddRange(work.Attendances);
            db.Tips.AddRange(work.Tips);
            db.FeedPosts.AddRange(work.Posts);
            db.FeedComments.AddRange(work.Comments);
            db.FeedLikes.AddRange(work.Likes);
            db.VolunteerCredits.AddRange(work.Credits);
            db.Audit(
                AuditAction.Import,
                "DemoVolunteerWork",
                null,
                $"生成演示义警活动 {work.Activities.Count} 场、线索 {work.Tips.Count} 条、义警圈帖子 {work.Posts.Count} 条、培训 {work.Trainings.Count} 场",
                userName: "系统（演示数据）"
            );
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        db.ChangeTracker.Clear();
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
