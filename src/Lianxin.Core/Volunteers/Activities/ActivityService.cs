using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Volunteers.Activities;

/// <summary>Volunteer activities as staff run them: published, edited, cancelled, sign-ups decided,
/// volunteers checked in and out, finished with hours and points credited — all within the caller's scope.
/// What a volunteer does on the phone is in <see cref="VolunteerActivityService"/>.</summary>
public sealed class ActivityService(
    LianxinDbContext db,
    ICurrentUser user,
    NotificationService notifications,
    IOptions<ActivityOptions> options,
    IOptions<PointsOptions> points
)
{
    public const int MaxQuota = 1000;
    private static readonly TimeSpan MaxLength = TimeSpan.FromDays(7);

    public async Task<Activity> CreateAsync(ActivityInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var a = new Activity { OrganizerId = user.UserId ?? "system", OrganizerName = await NameOfAsync(user.UserId, ct) };
        await ApplyAsync(a, input, isNew: true, ct);
        if (input.Publish)
            a.Publish(db.Now);
        db.Activities.Add(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<Activity> UpdateAsync(Guid id, ActivityInput input, CancellationToken ct = default)
    {
        var a = await ToManageAsync(id, input.Version, ct);
        a.RequireEditable(db.Now);
        await ApplyAsync(a, input, isNew: false, ct);
        var promoted = ActivityRules.Promote(a.Signups, a.Quota);
        MoveUp(promoted);
        if (input.Publish && a.Status == ActivityStatus.Draft)
            a.Publish(db.Now);
        await db.SaveChangesAsync(ct);
        await TellPromotedAsync(a, promoted, ct);
        return a;
    }

    public async Task<Activity> PublishAsync(Guid id, VersionInput input, CancellationToken ct = default)
    {
        var a = await ToManageAsync(id, input.Version, ct);
        a.Publish(db.Now);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Cancels with a reason; everyone signed up (waiting too) is told.</summary>
    public async Task<Activity> CancelAsync(Guid id, ReasonInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var reason = Checks.Clean(input.Reason) ?? throw new ValidationFailedException("reason", "请填写取消原因，报名的义警会收到");
        if (reason.Length > TextLimits.Text)
            throw new ValidationFailedException("reason", $"取消原因不能超过 {TextLimits.Text} 个字");
        var a = await LoadAsync(id, ct);
        Concurrency.Expect(db, a, input.Version);
        a.Cancel(reason, db.Now);
        var told = a.Signups.Where(s => s.Holds || s.Status == SignupStatus.Waitlisted).ToList();
        foreach (var s in told)
            s.Cancel("活动取消：" + reason);
        await db.SaveChangesAsync(ct);
        foreach (var userId in await AccountsOfAsync(told.Select(s => s.VolunteerId), ct))
            await notifications.SendAsync(
                userId,
                $"活动取消：{a.Title}",
                $"原定 {Show(a.StartsAt)} 的「{a.Title}」已取消。原因：{reason}",
                "/m/volunteer/activities",
                "warning",
                ct: ct
            );
        return a;
    }

    public async Task<Activity> ApproveAsync(Guid id, Guid signupId, CancellationToken ct = default)
    {
        var (a, s) = await SignupToHandleAsync(id, signupId, ct);
        OpenForSignups(a);
        if (s.Status == SignupStatus.Approved)
            throw new ConflictException("该报名已通过");
        if (s.Status == SignupStatus.Waitlisted && a.Signups.Count(x => x.Holds) >= a.Quota)
            throw new ConflictException("名额已满，候补的义警须等有人取消才能通过");
        s.Approve(user.UserId, db.Now);
        Touch(a);
        await db.SaveChangesAsync(ct);
        await TellAsync(
            s,
            $"报名已通过：{a.Title}",
            $"请于 {Show(a.StartsAt)} 到「{a.Place}」参加{a.Kind.Label()}活动，到场后签到。",
            "success",
            ct
        );
        return a;
    }

    public async Task<Activity> DeclineAsync(Guid id, Guid signupId, ReasonInput input, CancellationToken ct = default)
    {
        var (a, s) = await SignupToHandleAsync(id, signupId, ct);
        OpenForSignups(a);
        var reason = Checks.Clean(input.Reason) ?? throw new ValidationFailedException("reason", "请填写未通过的原因，义警会收到");
        if (reason.Length > TextLimits.Text)
            throw new ValidationFailedException("reason", $"原因不能超过 {TextLimits.Text} 个字");
        s.Decline(reason, user.UserId, db.Now);
        var promoted = ActivityRules.Promote(a.Signups, a.Quota);
        MoveUp(promoted);
        Touch(a);
        await db.SaveChangesAsync(ct);
        await TellAsync(s, $"报名未通过：{a.Title}", $"原因：{reason}", "warning", ct);
        await TellPromotedAsync(a, promoted, ct);
        return a;
    }

    /// <summary>The organiser confirms a volunteer arrived (at <see cref="CheckInput.At"/> when recorded afterwards, else now).</summary>
    public async Task<Activity> CheckInAsync(Guid id, Guid signupId, CheckInput input, CancellationToken ct = default)
    {
        var (a, s) = await SignupToHandleAsync(id, signupId, ct);
        var at = RecordedAt(input);
        a.Require(ActivityAction.CheckInOut);
        s.Require(SignupAction.CheckIn);
        if (s.CheckedInAt is not null)
            throw new ConflictException("该义警已签到");
        if (!ActivityRules.CheckInOpen(a, at, Window))
            throw OutsideWindow("签到", a);
        s.CheckIn(at, CheckMethod.Organizer);
        Touch(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    public async Task<Activity> CheckOutAsync(Guid id, Guid signupId, CheckInput input, CancellationToken ct = default)
    {
        var (a, s) = await SignupToHandleAsync(id, signupId, ct);
        var at = RecordedAt(input);
        a.Require(ActivityAction.CheckInOut);
        if (s.CheckedInAt is null)
            throw new ConflictException("该义警还没有签到");
        if (s.CheckedOutAt is not null)
            throw new ConflictException("该义警已签退");
        if (at < s.CheckedInAt)
            throw new ValidationFailedException("at", "签退时间不能早于签到时间");
        if (!ActivityRules.CheckOutOpen(a, at, Window))
            throw OutsideWindow("签退", a);
        s.CheckOut(at, CheckMethod.Organizer);
        Touch(a);
        await db.SaveChangesAsync(ct);
        return a;
    }

    /// <summary>Ends the activity and credits every approved volunteer who checked in: one ledger row per
    /// volunteer and activity (a repeated credit updates that row, never adds a second).</summary>
    public async Task<Activity> FinishAsync(Guid id, VersionInput input, CancellationToken ct = default)
    {
        var a = await ToManageAsync(id, input.Version, ct);
        var now = db.Now;
        a.Finish(now);
        var credited = await CreditAsync(a, now, ct);
        await db.SaveChangesAsync(ct);
        foreach (var (s, minutes, pts) in credited)
            await TellAsync(s, $"服务时长已记入：{a.Title}", $"本次计 {minutes / 60.0:0.#} 小时、{pts} 积分。", "success", ct);
        return a;
    }

    private async Task<List<(ActivitySignup, int, int)>> CreditAsync(Activity a, DateTimeOffset now, CancellationToken ct)
    {
        var rules = points.Value;
        var approved = a.Signups.Where(s => s.Status == SignupStatus.Approved).ToList();
        var ids = approved.Select(s => s.VolunteerId).ToList();
        var units = await db.Volunteers.Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.OrgUnitId, ct);
        var existing = await db
            .VolunteerCredits.Where(c => c.Source == CreditSource.Activity && c.SourceId == a.Id)
            .ToDictionaryAsync(c => c.VolunteerId, ct);
        var at = a.EndsAt < now ? a.EndsAt : now;
        var result = new List<(ActivitySignup, int, int)>();
        foreach (var s in approved)
        {
            // Never checked out: out at the end (or now, if earlier); never before the check-in itself.
            if (s.CheckedInAt is { } inAt && s.CheckedOutAt is null)
                s.CheckOut(at < inAt ? inAt : at, CheckMethod.Organizer);
            var minutes = ActivityRules.Minutes(a, s.CheckedInAt, s.CheckedOutAt);
            var pts = ActivityRules.Points(a.Kind, minutes, rules);
            s.Credit(minutes, pts);
            if (minutes <= 0 && !existing.ContainsKey(s.VolunteerId))
                continue;
            if (!existing.TryGetValue(s.VolunteerId, out var credit))
            {
                credit = new VolunteerCredit
                {
                    VolunteerId = s.VolunteerId,
                    Source = CreditSource.Activity,
                    SourceId = a.Id,
                };
                db.VolunteerCredits.Add(credit);
            }
            credit.OrgUnitId = units.GetValueOrDefault(s.VolunteerId, a.OrgUnitId);
            credit.Minutes = minutes;
            credit.Points = pts;
            credit.At = at;
            credit.ById = user.UserId;
            credit.Reason = $"{a.Kind.Label()}：{a.Title}";
            if (minutes > 0)
                result.Add((s, minutes, pts));
        }
        return result;
    }

    public async Task<ActivityDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var a = await (await ServedAsync(ct))
            .AsNoTracking()
            .AsSplitQuery()
            .Include(x => x.OrgUnit)
            .Include(x => x.TargetSquads)
            .Include(x => x.Signups)
                .ThenInclude(s => s.Volunteer)
            .FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        return await DetailAsync(a, ct);
    }

    private async Task<ActivityDetail> DetailAsync(Activity a, CancellationToken ct)
    {
        var squadIds = a.TargetSquads.Select(s => s.SquadId).ToList();
        var squads = await db
            .Squads.AsNoTracking()
            .Where(s => squadIds.Contains(s.Id))
            .OrderBy(s => s.Name)
            .Select(s => new SquadRef(s.Id, s.Name))
            .ToListAsync(ct);
        var waiting = WaitRanks(a.Signups);
        var signups = a
            .Signups.OrderBy(s => s.Status == SignupStatus.Waitlisted ? 1 : 0)
            .ThenBy(s => s.WaitPosition)
            .ThenBy(s => s.SignedUpAt)
            .Select(s => new SignupView(
                s.Id,
                s.VolunteerId,
                s.Volunteer?.Name ?? "",
                s.Volunteer?.PhoneMasked,
                s.Status,
                waiting.GetValueOrDefault(s.Id),
                s.SignedUpAt,
                s.Reason,
                s.CheckedInAt,
                s.CheckInMethod,
                s.CheckedOutAt,
                s.CheckOutMethod,
                s.MinutesCredited,
                s.PointsCredited
            ))
            .ToList();
        var row = ToRow(a);
        return new ActivityDetail(
            row,
            a.Description,
            a.Lat,
            a.Lng,
            a.SkillCodes,
            squads,
            a.CancelReason,
            a.FinishedAt,
            a.ReportPostId,
            signups
        );
    }

    public async Task<PagedResult<ActivityRow>> ListAsync(ActivityFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        // The page's ids first, then their rows with the sign-up counts: counted for twenty activities, not
        // for every activity the sort passes over.
        var ids = await q.OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).ToPageAsync(page, cut => cut.Select(a => a.Id), ct);
        var rows = (await Project(db.Activities.AsNoTracking().Where(a => ids.Items.Contains(a.Id))).ToListAsync(ct)).ToDictionary(r =>
            r.Id
        );
        return ids.Select(id => rows[id]);
    }

    /// <summary>The activity ledger (活动台账) for a spreadsheet; recorded in the audit log.</summary>
    public async Task<IReadOnlyList<(ActivityRow Row, int Minutes)>> ExportAsync(ActivityFilter f, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersExport);
        // The ledger one keeps is one's own scope: activities registered above it are seen, not exported.
        var q = (await QueryAsync(f, ct, served: false)).OrderByDescending(a => a.StartsAt).ThenBy(a => a.Id).Take(max);
        var rows = await Project(q).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var minutes = new Dictionary<Guid, int>();
        foreach (var chunk in ids.Chunk(500))
        {
            var part = chunk.ToList();
            foreach (
                var m in await db
                    .ActivitySignups.AsNoTracking()
                    .Where(s => part.Contains(s.ActivityId) && s.MinutesCredited != null)
                    .GroupBy(s => s.ActivityId)
                    .Select(g => new { g.Key, Sum = g.Sum(s => s.MinutesCredited!.Value) })
                    .ToListAsync(ct)
            )
                minutes[m.Key] = m.Sum;
        }
        db.Audit(Audit.AuditAction.Export, nameof(Activity), null, $"导出义警活动台账 {rows.Count} 条");
        await db.SaveChangesAsync(ct);
        return rows.Select(r => (r, minutes.GetValueOrDefault(r.Id))).ToList();
    }

    private async Task<IQueryable<Activity>> QueryAsync(ActivityFilter f, CancellationToken ct, bool served = true)
    {
        user.Demand(Permissions.VolunteersRead);
        var q = (served ? await ServedAsync(ct) : await ScopedAsync(ct)).AsNoTracking();
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(a => a.Title.Contains(text) || a.Place.Contains(text));
        }
        if (f.Status is { } s)
        {
            if (!Enum.IsDefined(s))
                throw new ValidationFailedException("status", "状态无效");
            q = q.Where(a => a.Status == s);
        }
        if (f.Kind is { } k)
        {
            if (!Enum.IsDefined(k))
                throw new ValidationFailedException("kind", "活动类型无效");
            q = q.Where(a => a.Kind == k);
        }
        if (f.From is { } from)
        {
            var start = ChinaTime.StartUtc(from);
            q = q.Where(a => a.StartsAt >= start);
        }
        if (f.To is { } to)
        {
            var end = ChinaTime.StartUtc(to.AddDays(1));
            q = q.Where(a => a.StartsAt < end);
        }
        if (f.From is { } x && f.To is { } y && y < x)
            throw new ValidationFailedException("to", "结束日期不能早于开始日期");
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        return q;
    }

    // One projection for queries and for a loaded activity, so a list row and the detail's row cannot drift apart;
    // the unit's name is null-safe because a loaded activity may come without its unit.
    private static readonly Expression<Func<Activity, ActivityRow>> AsRow = a => new ActivityRow(
        a.Id,
        a.Kind,
        a.Title,
        a.Place,
        a.StartsAt,
        a.EndsAt,
        a.Quota,
        a.Status,
        a.OrgUnitId,
        a.OrgUnit == null ? null : a.OrgUnit.Name,
        a.OrganizerName,
        a.Signups.Count(s => s.Status == SignupStatus.Approved),
        a.Signups.Count(s => s.Status == SignupStatus.Pending),
        a.Signups.Count(s => s.Status == SignupStatus.Waitlisted),
        a.Version
    );

    private static readonly Func<Activity, ActivityRow> ToRow = AsRow.Compile();

    private static IQueryable<ActivityRow> Project(IQueryable<Activity> q) => q.Select(AsRow);

    private async Task ApplyAsync(Activity a, ActivityInput input, bool isNew, CancellationToken ct)
    {
        var checks = new Checks()
            .Required("title", input.Title, "活动名称", TextLimits.Title)
            .Required("place", input.Place, "集合地点", TextLimits.Address)
            .Optional("description", input.Description, "活动说明", TextLimits.Text);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            checks.Add("kind", "请选择活动类型");
        if (input.OrgUnitId is null)
            checks.Add("orgUnitId", "请选择发布单位");
        if (input.StartsAt is null)
            checks.Add("startsAt", "请填写开始时间");
        if (input.EndsAt is null)
            checks.Add("endsAt", "请填写结束时间");
        if (input.StartsAt is { } s && input.EndsAt is { } e)
        {
            if (e <= s)
                checks.Add("endsAt", "结束时间须晚于开始时间");
            else if (e - s > MaxLength)
                checks.Add("endsAt", "一次活动不能超过 7 天，长期任务请分次发布");
            if (isNew && e < db.Now.AddDays(-1))
                checks.Add("endsAt", "不能发布已过去一天以上的活动");
        }
        if (input.Quota is not { } quota || quota < 1 || quota > MaxQuota)
            checks.Add("quota", $"名额须在 1 到 {MaxQuota} 之间");
        if ((input.Lat is null) != (input.Lng is null))
            checks.Add("lat", "集合点的经度和纬度须同时填写");
        if (input.Lat is < -90 or > 90)
            checks.Add("lat", "纬度须在 -90 到 90 之间");
        if (input.Lng is < -180 or > 180)
            checks.Add("lng", "经度须在 -180 到 180 之间");
        if (input.SkillCodes is { Count: > 20 })
            checks.Add("skillCodes", "所需技能不能超过 20 项");
        if (input.SquadIds is { Count: > 50 })
            checks.Add("squadIds", "面向中队不能超过 50 个");
        checks.ThrowIfAny();

        var holding = a.Signups.Count(x => x.Holds);
        if (!isNew && input.Quota!.Value < holding)
            throw new ValidationFailedException("quota", $"已有 {holding} 人报名占用名额，名额不能少于此数");
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        var skills = (input.SkillCodes ?? []).Select(Checks.Clean).OfType<string>().Distinct().ToList();
        if (skills.Count > 0)
        {
            var known = await db
                .DictionaryItems.AsNoTracking()
                .Where(i => i.Category == VolunteerDictionaries.Skill && i.IsActive && skills.Contains(i.Code))
                .Select(i => i.Code)
                .ToListAsync(ct);
            if (skills.Except(known).FirstOrDefault() is { } bad)
                throw new ValidationFailedException("skillCodes", $"技能「{bad}」不在义警技能字典中");
        }
        var squadIds = (input.SquadIds ?? []).Distinct().ToList();
        if (squadIds.Count > 0)
        {
            var scope = await user.GetScopeAsync(ct);
            var found = await db
                .Squads.AsNoTracking()
                .Where(scope.Filter<Squad>())
                .Where(q => squadIds.Contains(q.Id) && q.IsActive)
                .Select(q => q.Id)
                .ToListAsync(ct);
            if (found.Count != squadIds.Count)
                throw new ValidationFailedException("squadIds", "所选中队不存在、已停用或不在您的管辖范围内");
        }

        a.OrgUnitId = unit.Id;
        a.Kind = input.Kind!.Value;
        a.Title = input.Title!.Trim();
        a.Description = Checks.Clean(input.Description);
        a.Place = input.Place!.Trim();
        a.Lat = input.Lat;
        a.Lng = input.Lng;
        a.StartsAt = input.StartsAt!.Value.ToUniversalTime();
        a.EndsAt = input.EndsAt!.Value.ToUniversalTime();
        a.Quota = input.Quota!.Value;
        a.SkillCodes = skills;
        var keep = a.TargetSquads.Where(t => squadIds.Contains(t.SquadId)).ToList();
        foreach (var gone in a.TargetSquads.Except(keep).ToList())
            a.TargetSquads.Remove(gone);
        foreach (var add in squadIds.Where(id => keep.All(k => k.SquadId != id)))
        {
            var target = new ActivitySquad { ActivityId = a.Id, SquadId = add };
            if (!isNew)
                db.ActivitySquads.Add(target);
            a.TargetSquads.Add(target);
        }
        a.OpenToAll = squadIds.Count == 0;
    }

    private void MoveUp(IEnumerable<ActivitySignup> promoted)
    {
        foreach (var s in promoted)
            s.MoveUp();
    }

    private async Task TellPromotedAsync(Activity a, IEnumerable<ActivitySignup> promoted, CancellationToken ct)
    {
        foreach (var s in promoted)
            await TellAsync(s, $"候补转正：{a.Title}", $"有人取消报名，您已从候补转为待审核，活动时间 {Show(a.StartsAt)}。", "info", ct);
    }

    private async Task TellAsync(ActivitySignup s, string title, string body, string severity, CancellationToken ct)
    {
        foreach (var account in await AccountsOfAsync([s.VolunteerId], ct))
            await notifications.SendAsync(account, title, body, "/m/volunteer/activities", severity, ct: ct);
    }

    private async Task<List<string>> AccountsOfAsync(IEnumerable<Guid> volunteerIds, CancellationToken ct)
    {
        var ids = volunteerIds.Distinct().ToList();
        return await db.Volunteers.AsNoTracking().Where(v => ids.Contains(v.Id) && v.UserId != null).Select(v => v.UserId!).ToListAsync(ct);
    }

    private TimeSpan Window => TimeSpan.FromMinutes(options.Value.CheckWindowMinutes);

    private DateTimeOffset RecordedAt(CheckInput input)
    {
        var now = db.Now;
        if (input.At is not { } at)
            return now;
        if (at > now.AddMinutes(1))
            throw new ValidationFailedException("at", "不能登记将来的签到、签退时间");
        return at.ToUniversalTime();
    }

    private ValidationFailedException OutsideWindow(string what, Activity a) => Outside(what, a, options.Value.CheckWindowMinutes);

    internal static ValidationFailedException Outside(string what, Activity a, int window) =>
        new(
            "at",
            what == "签到"
                ? $"不在签到时间内：开始前 {window} 分钟（{Show(a.StartsAt.AddMinutes(-window))}）至结束（{Show(a.EndsAt)}）可以签到"
                : $"不在签退时间内：开始（{Show(a.StartsAt)}）至结束后 {window} 分钟（{Show(a.EndsAt.AddMinutes(window))}）可以签退"
        );

    internal static string Show(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("M月d日 HH:mm");

    /// <summary>The activity an organiser changes, at the version the organiser saw.</summary>
    private async Task<Activity> ToManageAsync(Guid id, long? version, CancellationToken ct)
    {
        user.Demand(Permissions.VolunteersManage);
        var a = await LoadAsync(id, ct);
        Concurrency.Expect(db, a, version);
        return a;
    }

    /// <summary>The activity and the one sign-up of it an organiser decides on or checks in or out.</summary>
    private async Task<(Activity, ActivitySignup)> SignupToHandleAsync(Guid id, Guid signupId, CancellationToken ct)
    {
        user.Demand(Permissions.VolunteersManage);
        var a = await LoadAsync(id, ct);
        return (a, Signup(a, signupId));
    }

    private static ActivitySignup Signup(Activity a, Guid signupId) =>
        a.Signups.FirstOrDefault(s => s.Id == signupId) ?? throw new NotFoundException("报名记录不存在");

    private void OpenForSignups(Activity a)
    {
        a.Require(ActivityAction.HandleSignups);
    }

    /// <summary>Any change to a sign-up counts as a change of the activity, so two decisions racing on the
    /// last place cannot both be saved.</summary>
    private void Touch(Activity a) => db.Entry(a).Property(x => x.UpdatedAt).IsModified = true;

    internal static Dictionary<Guid, int> WaitRanks(IEnumerable<ActivitySignup> signups) =>
        signups
            .Where(s => s.Status == SignupStatus.Waitlisted)
            .OrderBy(s => s.WaitPosition ?? int.MaxValue)
            .ThenBy(s => s.SignedUpAt)
            .Select((s, i) => (s.Id, i + 1))
            .ToDictionary(x => x.Id, x => x.Item2);

    private async Task<Activity> LoadAsync(Guid id, CancellationToken ct) =>
        await (await ScopedAsync(ct))
            .Include(a => a.Signups)
            .Include(a => a.TargetSquads)
            .AsSplitQuery()
            .FirstOrDefaultAsync(a => a.Id == id, ct)
        ?? throw new NotFoundException();

    private async Task<IQueryable<Activity>> ScopedAsync(CancellationToken ct) =>
        db.Activities.Where((await user.GetScopeAsync(ct)).Filter<Activity>());

    /// <summary>For reading: the scope and the units above it, whose activities serve it too (a station's activity
    /// is seen by its community officers); every change still goes through <see cref="ScopedAsync"/>.</summary>
    private async Task<IQueryable<Activity>> ServedAsync(CancellationToken ct) =>
        db.Activities.Where((await user.GetServedScopeAsync(db, ct)).Filter<Activity>());

    private async Task<OrgUnit> UnitInScopeAsync(Guid unitId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.UnitInScopeAsync(scope, unitId, ct);
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "发布单位已撤销");
        return unit;
    }

    private async Task<string> NameOfAsync(string? userId, CancellationToken ct) =>
        userId is null
            ? "系统"
            : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
}
