using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Microsoft.EntityFrameworkCore;
using Stopwatch = System.Diagnostics.Stopwatch;

namespace Lianxin.Bench;

/// <summary>The volunteer's activity list and the staff activity ledger with 10,000 volunteers and a year of
/// activities (1,000 a month, with their sign-ups and credits), through the app's own services, against a
/// primary-key lookup of one activity in the same database.</summary>
public static class ActivityBenchmark
{
    private const int Residents = 2_000;
    private const int Rounds = 5;
    private static readonly string[] SkillCodes = ["first-aid", "rescue", "swimming", "law", "mediation", "driving"];

    private sealed class Caller(DataScope scope) : ICurrentUser
    {
        public string? UserId { get; set; } = "bench";
        public string UserName => UserId ?? "";
        public string? IpAddress => null;

        public bool Has(string permission) => true;

        public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(scope);
    }

    private sealed class NoPush : INotificationPusher
    {
        public Task PushAsync(string userId, Notification notification, CancellationToken ct = default) => Task.CompletedTask;
    }

    private sealed record Operation(string Label, Func<Task<int>> Run)
    {
        public List<double> Millis { get; } = [];
        public int Rows { get; set; }
    }

    public static async Task RunAsync(ActivityBenchOptions options)
    {
        var protector = BenchDatabase.Protector();
        var database = options.Postgres is { } pg
            ? BenchDatabase.Postgres(pg, "lianxin_bench_activities")
            : BenchDatabase.Sqlite(options.DataDirectory, Residents, "activities.db");
        await database.PrepareAsync(protector, Residents);
        await SeedAsync(database, options);
        await using var db = database.NewContext();
        var (engine, bytes) = await database.DescribeAsync(db);
        var ops = await MeasureAsync(db, options);
        Console.WriteLine();
        Console.WriteLine($"{engine}, {bytes / 1024.0 / 1024.0:N0} MB: milliseconds per call ({options.Iterations} calls each)");
        Console.WriteLine();
        Console.WriteLine("| operation | rows | median ms | p95 ms | median ratio to the primary-key lookup |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        var baseline = Stats.Of(ops[0].Millis).Median;
        foreach (var op in ops)
        {
            var s = Stats.Of(op.Millis);
            Console.WriteLine($"| {op.Label} | {op.Rows} | {s.Median:N2} | {s.P95:N2} | {s.Median / baseline:N1} |");
        }
    }

    private static async Task<List<Operation>> MeasureAsync(LianxinDbContext db, ActivityBenchOptions options)
    {
        var station = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Station).OrderBy(u => u.Code).FirstAsync();
        var staff = new Caller(new DataScope(false, [station.Path], [], null));
        var notifications = new NotificationService(db, staff, new NoPush());
        var activities = new ActivityService(
            db,
            staff,
            notifications,
            Microsoft.Extensions.Options.Options.Create(new ActivityOptions()),
            Microsoft.Extensions.Options.Options.Create(new PointsOptions())
        );
        var volunteer = new Caller(DataScope.Nothing);
        var mine = new VolunteerActivityService(
            db,
            volunteer,
            new NotificationService(db, volunteer, new NoPush()),
            Microsoft.Extensions.Options.Options.Create(new ActivityOptions())
        );

        var random = new Random(11);
        var ids = await db.Activities.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var inStation = await db
            .Volunteers.AsNoTracking()
            .Where(v => v.Status == VolunteerStatus.Active && v.OrgUnit!.Path.StartsWith(station.Path))
            .Select(v => v.UserId!)
            .ToListAsync();
        var total = (await activities.ListAsync(new ActivityFilter(), new PageRequest(1, 20))).Total;
        var deep = Math.Max(1, total * 8 / 10 / 20);
        var signups = await db.ActivitySignups.CountAsync();
        var credits = await db.VolunteerCredits.CountAsync();
        Console.WriteLine(
            $"{await db.Volunteers.CountAsync():N0} volunteers ({inStation.Count:N0} active in {station.Name}), {ids.Count:N0} activities "
                + $"({total:N0} in the station), {signups:N0} sign-ups, {credits:N0} credits; deep page = page {deep} of 20 rows."
        );

        async Task<int> ByPrimaryKey()
        {
            var id = ids[random.Next(ids.Count)];
            return await db.Activities.AsNoTracking().Where(a => a.Id == id).Select(a => a.Title).FirstAsync() is { Length: > 0 } ? 1 : 0;
        }
        async Task<int> MyActivities()
        {
            volunteer.UserId = inStation[random.Next(inStation.Count)];
            return (await mine.ListAsync(new PageRequest(1, 10))).Items.Count;
        }
        async Task<int> MyHours()
        {
            volunteer.UserId = inStation[random.Next(inStation.Count)];
            return (await mine.HoursAsync()).Recent.Count;
        }
        async Task<int> PublishedPatrols()
        {
            var patrols = new ActivityFilter(Kind: ActivityKind.Patrol, Status: ActivityStatus.Published);
            return (await activities.ListAsync(patrols, new PageRequest(1, 20))).Items.Count;
        }
        async Task<int> ActivityPage()
        {
            var id = ids[random.Next(ids.Count)];
            try
            {
                return (await activities.GetAsync(id)).Signups.Count;
            }
            catch (NotFoundException)
            {
                return 0;
            }
        }
        List<Operation> ops =
        [
            new("activity by primary key (baseline)", ByPrimaryKey),
            new("volunteer: my activities, first page of 10", MyActivities),
            new("volunteer: my hours", MyHours),
            new("staff ledger, station, first page of 20", async () =>
                (await activities.ListAsync(new ActivityFilter(), new PageRequest(1, 20))).Items.Count
            ),
            new("staff ledger, patrols published, first page", PublishedPatrols),
            new("staff ledger, page at 80% depth", async () =>
                (await activities.ListAsync(new ActivityFilter(), new PageRequest(deep, 20))).Items.Count
            ),
            new("staff activity page (detail with sign-ups)", ActivityPage),
        ];
        foreach (var op in ops)
            for (var i = 0; i < options.Warmup; i++)
                op.Rows = await op.Run();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < ops.Count; k++)
            {
                var op = ops[(k + round) % ops.Count];
                GC.Collect();
                for (var i = 0; i < options.Iterations / Rounds; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    op.Rows = await op.Run();
                    op.Millis.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }
        return ops;
    }

    /// <summary>Volunteers, squads, a year of activities around today (nine months back, three ahead) and their
    /// sign-ups and credits; made once and kept while the counts match.</summary>
    private static async Task SeedAsync(BenchDatabase database, ActivityBenchOptions options)
    {
        var wanted = options.PerMonth * 12;
        await using (var check = database.NewContext())
        {
            if (await check.Activities.CountAsync() == wanted && await check.Volunteers.CountAsync() == options.Volunteers)
            {
                Console.WriteLine($"Using the prepared activities ({wanted:N0}) and volunteers ({options.Volunteers:N0}).");
                return;
            }
        }
        var clock = Stopwatch.StartNew();
        await using var db = database.NewContext();
        db.SuppressEntityAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.Database.ExecuteSqlRawAsync(
            database.IsPostgres
                ? "TRUNCATE \"VolunteerCredits\", \"ActivitySignups\", \"ActivitySquads\", \"Activities\", \"SquadMembers\", \"Squads\", "
                    + "\"VolunteerStatusChanges\", \"Volunteers\" CASCADE"
                : "DELETE FROM VolunteerCredits; DELETE FROM ActivitySignups; DELETE FROM ActivitySquads; DELETE FROM Activities; "
                    + "DELETE FROM SquadMembers; DELETE FROM Squads; DELETE FROM VolunteerStatusChanges; DELETE FROM Volunteers;"
        );
        var random = new Random(7);
        var units = await db
            .OrgUnits.AsNoTracking()
            .Where(u => !u.IsRetired)
            .Select(u => new
            {
                u.Id,
                u.Kind,
                u.Path,
            })
            .ToListAsync();
        var homes = units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Grid or OrgUnitKind.Community).ToList();
        var hosts = units.Where(u => u.Kind is OrgUnitKind.Station or OrgUnitKind.Village or OrgUnitKind.Community).ToList();
        var now = DateTimeOffset.UtcNow;

        var volunteers = new List<Volunteer>();
        for (var i = 0; i < options.Volunteers; i++)
        {
            var home = homes[random.Next(homes.Count)];
            var suspended = random.Next(10) == 0;
            var skills = SkillCodes.Where(_ => random.Next(4) == 0).ToList();
            var v = Volunteer.Registered(
                new VolunteerDetails(
                    $"义警{i}",
                    Gender.Unknown,
                    ProtectedText.Empty,
                    ProtectedText.Empty,
                    home.Id,
                    skills,
                    VolunteerAvailability.None
                ),
                now.AddYears(-2)
            );
            v.LinkAccount($"bench-vol-{i}");
            if (suspended)
                v.Suspend("暂停", null, now.AddYears(-2));
            v.CreatedAt = now;
            v.UpdatedAt = now;
            volunteers.Add(v);
        }
        var squads = new List<Squad>();
        for (var i = 0; i < options.Volunteers / 30; i++)
            squads.Add(
                new Squad
                {
                    OrgUnitId = hosts[random.Next(hosts.Count)].Id,
                    Name = $"第{i}中队",
                    TypeCode = "patrol",
                    CreatedAt = now,
                    UpdatedAt = now,
                }
            );
        var members = volunteers
            .Where(_ => random.Next(10) < 6)
            .Select(v => new SquadMember
            {
                SquadId = squads[random.Next(squads.Count)].Id,
                VolunteerId = v.Id,
                JoinedAt = now.AddYears(-1),
            })
            .ToList();
        db.Volunteers.AddRange(volunteers);
        db.Squads.AddRange(squads);
        db.SquadMembers.AddRange(members);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Console.WriteLine(
            $"  {volunteers.Count:N0} volunteers, {squads.Count:N0} squads, {members.Count:N0} squad members "
                + $"in {clock.Elapsed.TotalSeconds:F1} s"
        );

        clock.Restart();
        var kinds = Enum.GetValues<ActivityKind>();
        int activityCount = 0,
            signupCount = 0,
            creditCount = 0;
        for (var month = -9; month < 3; month++)
        {
            var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, ChinaTime.Offset).AddMonths(month);
            var days = DateTime.DaysInMonth(monthStart.Year, monthStart.Month);
            for (var i = 0; i < options.PerMonth; i++)
            {
                var start = monthStart.AddDays(random.Next(days)).AddHours(7 + random.Next(13)).ToUniversalTime();
                var end = start.AddHours(2 + random.Next(3));
                var past = end < now;
                // Drawn in the order the fields were drawn before, so the generated data stays the same.
                var host = hosts[random.Next(hosts.Count)].Id;
                var kind = kinds[random.Next(kinds.Length)];
                var quota = 5 + random.Next(26);
                var status = past
                    ? (random.Next(10) == 0 ? ActivityStatus.Cancelled : ActivityStatus.Finished)
                    : (random.Next(10) == 0 ? ActivityStatus.Draft : ActivityStatus.Published);
                var a = new Activity
                {
                    OrgUnitId = host,
                    Kind = kind,
                    Title = $"活动{month}-{i}",
                    Place = "村委会门口",
                    StartsAt = start,
                    EndsAt = end,
                    Quota = quota,
                    OrganizerId = "bench",
                    OrganizerName = "组织者",
                    SkillCodes = SkillCodes.Where(_ => random.Next(6) == 0).ToList(),
                    CreatedAt = start.AddDays(-7),
                    UpdatedAt = start.AddDays(-7),
                    Lat = 36.6 + random.NextDouble() / 10,
                    Lng = 116.9 + random.NextDouble() / 10,
                };
                if (random.Next(5) == 0)
                {
                    a.OpenToAll = false;
                    a.TargetSquads.Add(new ActivitySquad { ActivityId = a.Id, SquadId = squads[random.Next(squads.Count)].Id });
                }
                if (status != ActivityStatus.Draft)
                    a.Publish(start.AddDays(-7));
                if (status == ActivityStatus.Finished)
                    a.Finish(end);
                if (status == ActivityStatus.Cancelled)
                    a.Cancel("取消", start.AddDays(-1));
                var taken = new HashSet<int>();
                var count = a.Status == ActivityStatus.Draft ? 0 : random.Next(a.Quota + 4);
                for (var k = 0; k < count; k++)
                {
                    var who = random.Next(volunteers.Count);
                    if (!taken.Add(who))
                        continue;
                    var waiting = k >= a.Quota;
                    var approved = !waiting && (past || random.Next(3) > 0);
                    var s = ActivitySignup.SignUp(
                        a.Id,
                        volunteers[who].Id,
                        waiting ? SignupStatus.Waitlisted : SignupStatus.Pending,
                        waiting ? k - a.Quota + 1 : null,
                        start.AddDays(-3)
                    );
                    if (approved)
                        s.Approve(null, start.AddDays(-3));
                    (s.CreatedAt, s.UpdatedAt) = (start.AddDays(-3), start.AddDays(-3));
                    if (a.Status == ActivityStatus.Finished && s.Status == SignupStatus.Approved)
                    {
                        s.CheckIn(start.AddMinutes(-random.Next(20)), CheckMethod.Self);
                        s.CheckOut(end.AddMinutes(-random.Next(30)), CheckMethod.Self);
                        var minutes = ActivityRules.Minutes(a, s.CheckedInAt, s.CheckedOutAt);
                        var points = ActivityRules.Points(a.Kind, minutes, new PointsOptions());
                        s.Credit(minutes, points);
                        db.VolunteerCredits.Add(
                            new VolunteerCredit
                            {
                                VolunteerId = s.VolunteerId,
                                OrgUnitId = volunteers[who].OrgUnitId,
                                Source = CreditSource.Activity,
                                SourceId = a.Id,
                                Minutes = minutes,
                                Points = points,
                                At = end,
                                Reason = a.Title,
                            }
                        );
                        creditCount++;
                    }
                    a.Signups.Add(s);
                    signupCount++;
                }
                db.Activities.Add(a);
                activityCount++;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        if (database.IsPostgres)
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
        else
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        Console.WriteLine(
            $"  {activityCount:N0} activities, {signupCount:N0} sign-ups, {creditCount:N0} credits in {clock.Elapsed.TotalSeconds:F1} s"
        );
    }
}
