using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Volunteers.Activities;

/// <summary>Activities as a volunteer meets them on the phone. Nothing here asks for a staff permission:
/// the caller must be the account of an Active volunteer, and sees only activities meant for them (their
/// unit or a unit above it; their squads, or open to all) and only their own sign-ups.</summary>
public sealed class VolunteerActivityService(
    LianxinDbContext db,
    ICurrentUser user,
    NotificationService notifications,
    IOptions<ActivityOptions> options
)
{
    /// <summary>The caller's volunteer record; 403 unless it exists and is Active.</summary>
    public async Task<Volunteer> MeAsync(CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var v = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct)
            ?? throw new ForbiddenException("您还不是义警，请先申请加入");
        if (v.Status != VolunteerStatus.Active)
            throw new ForbiddenException("只有在册义警才能参加活动");
        return v;
    }

    /// <summary>Published activities meant for the caller that have not ended (with the check-out window), soonest first.</summary>
    public async Task<PagedResult<VolunteerActivityRow>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        var v = await MeAsync(ct);
        var q = await FittingAsync(v, ct);
        var since = db.Now.AddMinutes(-options.Value.CheckWindowMinutes);
        q = q.Where(a => a.Status == ActivityStatus.Published && a.EndsAt >= since);
        var ids = await q.OrderBy(a => a.StartsAt).ThenBy(a => a.Id).ToPageAsync(page, cut => cut.Select(a => a.Id), ct);
        var rows = await Rows(db.Activities.AsNoTracking().Where(a => ids.Items.Contains(a.Id)), v, ct);
        return ids.Select(id => rows.Single(r => r.Id == id));
    }

    public async Task<VolunteerActivityRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        var v = await MeAsync(ct);
        var q = (await FittingAsync(v, ct)).Where(a => a.Id == id && a.Status != ActivityStatus.Draft);
        var rows = await Rows(q, v, ct);
        return rows.FirstOrDefault() ?? throw new NotFoundException();
    }

    public async Task<VolunteerActivityRow> SignUpAsync(Guid id, CancellationToken ct = default)
    {
        var v = await MeAsync(ct);
        var a = await LoadFittingAsync(v, id, ct);
        var now = db.Now;
        a.Require(ActivityAction.SignUp);
        if (now >= a.StartsAt)
            throw new ConflictException("活动已开始，不能再报名");
        var mine = a.Signups.FirstOrDefault(s => s.VolunteerId == v.Id);
        if (mine is { Status: SignupStatus.Declined })
            throw new ConflictException("组织者未通过您的报名，不能再次报名");
        if (mine is { Status: SignupStatus.Pending or SignupStatus.Approved or SignupStatus.Waitlisted })
            throw new ConflictException($"您已报名（{mine.Status.Label()}）");
        var clash = await db
            .ActivitySignups.AsNoTracking()
            .Where(s =>
                s.VolunteerId == v.Id
                && s.ActivityId != a.Id
                && (s.Status == SignupStatus.Pending || s.Status == SignupStatus.Approved)
                && s.Activity!.Status == ActivityStatus.Published
                && s.Activity.StartsAt < a.EndsAt
                && a.StartsAt < s.Activity.EndsAt
            )
            .Select(s => new { s.Activity!.Title, s.Activity.StartsAt })
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
            throw new ValidationFailedException(
                "activity",
                $"与您已报名的「{clash.Title}」（{ActivityService.Show(clash.StartsAt)}）时间冲突"
            );
        var status = ActivityRules.Place(a.Signups.Count(s => s.Holds), a.Quota);
        int? position =
            status == SignupStatus.Waitlisted
                ? a.Signups.Where(s => s.Status == SignupStatus.Waitlisted && s != mine)
                    .Select(s => s.WaitPosition ?? 0)
                    .DefaultIfEmpty(0)
                    .Max() + 1
                : null;
        if (mine is null)
        {
            mine = ActivitySignup.SignUp(a.Id, v.Id, status, position, now);
            // added explicitly: a new row with its id already set would otherwise be taken for an existing one
            db.ActivitySignups.Add(mine);
            a.Signups.Add(mine);
        }
        else
            mine.SignUpAgain(status, position, now);
        db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (status == SignupStatus.Pending && !string.IsNullOrEmpty(a.OrganizerId) && a.OrganizerId != "system")
            await notifications.SendAsync(
                a.OrganizerId,
                $"新报名：{a.Title}",
                $"{v.Name} 报名了{a.Kind.Label()}活动，请审核。",
                $"/volunteers/activities/{a.Id}",
                ct: ct
            );
        return await GetAsync(a.Id, ct);
    }

    /// <summary>Withdraws the caller's sign-up before the start; the first on the wait list moves up and is told.</summary>
    public async Task<VolunteerActivityRow> CancelAsync(Guid id, CancellationToken ct = default)
    {
        var v = await MeAsync(ct);
        var a = await LoadFittingAsync(v, id, ct);
        var mine = a.Signups.FirstOrDefault(s => s.VolunteerId == v.Id && (s.Holds || s.Status == SignupStatus.Waitlisted))
            ?? throw new ConflictException("您没有报名这个活动");
        a.Require(ActivityAction.SignUp);
        if (db.Now >= a.StartsAt)
            throw new ConflictException("活动已开始，不能取消报名；不能到场请联系组织者");
        mine.Cancel("本人取消");
        var promoted = ActivityRules.Promote(a.Signups, a.Quota);
        foreach (var s in promoted)
            s.MoveUp();
        db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        var ids = promoted.Select(s => s.VolunteerId).ToList();
        foreach (
            var account in await db
                .Volunteers.AsNoTracking()
                .Where(x => ids.Contains(x.Id) && x.UserId != null)
                .Select(x => x.UserId!)
                .ToListAsync(ct)
        )
            await notifications.SendAsync(
                account,
                $"候补转正：{a.Title}",
                $"有人取消报名，您已从候补转为待审核，活动时间 {ActivityService.Show(a.StartsAt)}。",
                "/m/volunteer/activities",
                ct: ct
            );
        return await GetAsync(a.Id, ct);
    }

    public Task<VolunteerActivityRow> CheckInAsync(Guid id, CheckInput input, CancellationToken ct = default) =>
        CheckAsync(id, input, checkIn: true, ct);

    public Task<VolunteerActivityRow> CheckOutAsync(Guid id, CheckInput input, CancellationToken ct = default) =>
        CheckAsync(id, input, checkIn: false, ct);

    /// <summary>Self check-in or check-out: approved, inside the time window and within the allowed distance of
    /// the gathering point. Without a gathering point the organiser confirms instead.</summary>
    private async Task<VolunteerActivityRow> CheckAsync(Guid id, CheckInput input, bool checkIn, CancellationToken ct)
    {
        var v = await MeAsync(ct);
        var a = await LoadFittingAsync(v, id, ct);
        var what = checkIn ? "签到" : "签退";
        var mine = a.Signups.FirstOrDefault(s => s.VolunteerId == v.Id && s.Status == SignupStatus.Approved)
            ?? throw new ConflictException($"只有报名已通过的义警可以{what}");
        a.Require(ActivityAction.CheckInOut);
        var now = db.Now;
        var window = TimeSpan.FromMinutes(options.Value.CheckWindowMinutes);
        if (checkIn && mine.CheckedInAt is not null)
            throw new ConflictException("您已签到");
        if (!checkIn && mine.CheckedInAt is null)
            throw new ConflictException("请先签到");
        if (!checkIn && mine.CheckedOutAt is not null)
            throw new ConflictException("您已签退");
        if (checkIn ? !ActivityRules.CheckInOpen(a, now, window) : !ActivityRules.CheckOutOpen(a, now, window))
            throw ActivityService.Outside(what, a, options.Value.CheckWindowMinutes);
        if (!a.HasLocation)
            throw new ValidationFailedException("location", $"本活动没有设定集合点位置，请到场后由组织者确认{what}");
        if (input.Lat is not { } lat || input.Lng is not { } lng || lat is < -90 or > 90 || lng is < -180 or > 180)
            throw new ValidationFailedException("location", $"没有取得您的位置，请允许定位后再{what}");
        var distance = ActivityRules.DistanceMeters(lat, lng, a.Lat!.Value, a.Lng!.Value);
        if (distance > options.Value.CheckDistanceMeters)
            throw new ValidationFailedException(
                "location",
                $"您距集合点约 {distance:0} 米，须在 {options.Value.CheckDistanceMeters} 米内才能{what}"
            );
        if (checkIn)
            mine.CheckIn(now, CheckMethod.Self, lat, lng);
        else
            mine.CheckOut(now, CheckMethod.Self, lat, lng);
        db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        return await GetAsync(a.Id, ct);
    }

    /// <summary>The caller's own hours and points from the credit ledger, with the latest lines.</summary>
    public async Task<MyHours> HoursAsync(CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var v = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct)
            ?? throw new ForbiddenException("您还不是义警");
        var credits = db.VolunteerCredits.AsNoTracking().Where(c => c.VolunteerId == v.Id);
        var totals = await credits
            .GroupBy(c => 1)
            .Select(g => new
            {
                Minutes = g.Sum(c => c.Minutes),
                Points = g.Sum(c => c.Points),
                Count = g.Count(c => c.Source == CreditSource.Activity),
            })
            .FirstOrDefaultAsync(ct);
        var recent = await (
            from c in credits
            join a in db.Activities.AsNoTracking() on c.SourceId equals (Guid?)a.Id into acts
            from a in acts.DefaultIfEmpty()
            orderby c.At descending
            select new CreditLine(
                c.Source == CreditSource.Activity ? c.SourceId : null,
                a != null ? a.Title : c.Reason,
                c.At,
                c.Minutes,
                c.Points
            )
        )
            .Take(20)
            .ToListAsync(ct);
        return new MyHours(totals?.Minutes ?? 0, totals?.Points ?? 0, totals?.Count ?? 0, recent);
    }

    /// <summary>Activities meant for a volunteer: of their unit or a unit above it, open to all or aimed at one of their squads.</summary>
    internal async Task<IQueryable<Activity>> FittingAsync(Volunteer v, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == v.OrgUnitId).Select(u => u.Path).FirstAsync(ct);
        var chain = OrgUnit.ChainOf(path);
        var squads = await db.SquadMembers.AsNoTracking().Where(m => m.VolunteerId == v.Id).Select(m => m.SquadId).ToListAsync(ct);
        return db
            .Activities.AsNoTracking()
            .Where(a =>
                chain.Contains(a.OrgUnitId)
                && (a.OpenToAll || db.ActivitySquads.Any(t => t.ActivityId == a.Id && squads.Contains(t.SquadId)))
            );
    }

    private async Task<Activity> LoadFittingAsync(Volunteer v, Guid id, CancellationToken ct)
    {
        var ids = await (await FittingAsync(v, ct))
            .Where(a => a.Id == id && a.Status != ActivityStatus.Draft)
            .Select(a => a.Id)
            .ToListAsync(ct);
        if (ids.Count == 0)
            throw new NotFoundException();
        return await db.Activities.Include(a => a.Signups).FirstAsync(a => a.Id == id, ct);
    }

    private async Task<List<VolunteerActivityRow>> Rows(IQueryable<Activity> q, Volunteer v, CancellationToken ct)
    {
        var raw = await q.Select(a => new
            {
                a.Id,
                a.Kind,
                a.Title,
                a.Description,
                a.Place,
                a.Lat,
                a.Lng,
                a.StartsAt,
                a.EndsAt,
                a.Quota,
                Unit = a.OrgUnit!.Name,
                a.OrganizerName,
                a.SkillCodes,
                Taken = a.Signups.Count(s => s.Status == SignupStatus.Pending || s.Status == SignupStatus.Approved),
            })
            .ToListAsync(ct);
        var ids = raw.Select(r => r.Id).ToList();
        var mine = await db.ActivitySignups.AsNoTracking().Where(s => s.VolunteerId == v.Id && ids.Contains(s.ActivityId)).ToListAsync(ct);
        var waitingIds = mine.Where(s => s.Status == SignupStatus.Waitlisted).Select(s => s.ActivityId).ToList();
        var ranks = new Dictionary<Guid, int>();
        if (waitingIds.Count > 0)
        {
            var waiting = await db
                .ActivitySignups.AsNoTracking()
                .Where(s => waitingIds.Contains(s.ActivityId) && s.Status == SignupStatus.Waitlisted)
                .ToListAsync(ct);
            foreach (var g in waiting.GroupBy(s => s.ActivityId))
            foreach (var (k, rank) in ActivityService.WaitRanks(g))
                ranks[k] = rank;
        }
        return raw.Select(r =>
            {
                var s = mine.FirstOrDefault(m => m.ActivityId == r.Id);
                return new VolunteerActivityRow(
                    r.Id,
                    r.Kind,
                    r.Title,
                    r.Description,
                    r.Place,
                    r.Lat is not null && r.Lng is not null,
                    r.Lat,
                    r.Lng,
                    r.StartsAt,
                    r.EndsAt,
                    r.Quota,
                    r.Taken,
                    r.Unit,
                    r.OrganizerName,
                    r.SkillCodes,
                    r.SkillCodes.Intersect(v.Skills).ToList(),
                    s is null
                        ? null
                        : new MySignup(
                            s.Id,
                            s.Status,
                            ranks.TryGetValue(s.Id, out var rank) ? rank : null,
                            s.CheckedInAt,
                            s.CheckedOutAt,
                            s.MinutesCredited
                        )
                );
            })
            .ToList();
    }
}
