using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>Training sessions and their attendance. Attending credits the session's hours and points to
/// the volunteer's ledger once per session (recording again changes nothing; recording absence takes the
/// credit back); passing issues a numbered certificate.</summary>
public sealed class TrainingService(LianxinDbContext db, ICurrentUser user)
{
    public const int MaxAttendancePerRequest = 500;

    public async Task<TrainingSession> CreateAsync(TrainingInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var minutes = Validate(input);
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        var session = new TrainingSession
        {
            OrgUnitId = unit.Id,
            Title = input.Title!.Trim(),
            Topic = Checks.Clean(input.Topic),
            Trainer = Checks.Clean(input.Trainer),
            Place = Checks.Clean(input.Place),
            StartsAt = input.StartsAt!.Value.ToUniversalTime(),
            Minutes = minutes,
            Points = input.Points ?? DefaultPoints(minutes),
        };
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Corrects a session. When attendance is already credited, the credits of this session in the ledger
    /// follow the new hours, points and time in the same save (each volunteer keeps one credit for the session, so an
    /// edit never counts twice), and the audit line says what was adjusted. A session with attendance recorded keeps
    /// its unit and cannot move into the future, because those records would no longer fit it.</summary>
    public async Task<TrainingSession> UpdateAsync(Guid id, TrainingUpdateInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var minutes = Validate(
            new TrainingInput(
                input.OrgUnitId,
                input.Title,
                input.Topic,
                input.Trainer,
                input.Place,
                input.StartsAt,
                input.Hours,
                input.Points
            )
        );
        var session = await (await ScopedAsync(ct)).Include(s => s.OrgUnit).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException();
        Concurrency.Expect(db, session, input.Version);
        var startsAt = input.StartsAt!.Value.ToUniversalTime();
        var points = input.Points ?? DefaultPoints(minutes);
        var recorded = await db.TrainingAttendances.AnyAsync(a => a.SessionId == id, ct);
        if (input.OrgUnitId != session.OrgUnitId)
        {
            if (recorded)
                throw new ConflictException(
                    "本次培训已登记出席，不能更换举办单位（已登记的义警可能不在新单位范围内）；如确需更换，请先把出席改为未出席"
                );
            session.OrgUnitId = (await UnitInScopeAsync(input.OrgUnitId!.Value, ct)).Id;
        }
        if (recorded && startsAt > db.Now)
            throw new ConflictException("本次培训已登记出席，培训时间不能改到将来");

        var (oldMinutes, oldPoints, oldTitle) = (session.Minutes, session.Points, session.Title);
        session.Title = input.Title!.Trim();
        session.Topic = Checks.Clean(input.Topic);
        session.Trainer = Checks.Clean(input.Trainer);
        session.Place = Checks.Clean(input.Place);
        session.StartsAt = startsAt;
        session.Minutes = minutes;
        session.Points = points;

        var credits = await db.VolunteerCredits.Where(c => c.Source == CreditSource.Training && c.SourceId == id).ToListAsync(ct);
        var reason = Trim($"参加培训：{session.Title}", TextLimits.Text);
        var adjusted = 0;
        foreach (var credit in credits)
        {
            if (credit.Minutes != minutes || credit.Points != points)
                adjusted++;
            credit.Minutes = minutes;
            credit.Points = points;
            credit.At = startsAt;
            credit.Reason = reason;
        }
        var what = oldTitle == session.Title ? $"修改培训：{session.Title}" : $"修改培训：{oldTitle} → {session.Title}";
        if (oldMinutes != minutes || oldPoints != points)
            what += FormattableString.Invariant(
                $"；时长 {HoursRule.ToHours(oldMinutes):0.#} → {HoursRule.ToHours(minutes):0.#} 小时，积分 {oldPoints} → {points}"
            );
        if (adjusted > 0)
            what += $"；已记入的 {adjusted} 人时长和积分随之调整";
        db.Audit(Audit.AuditAction.Update, nameof(TrainingSession), id.ToString(), what);
        await db.SaveChangesAsync(ct);
        return session;
    }

    private int Validate(TrainingInput input)
    {
        var checks = new Checks()
            .Required("title", input.Title, "培训主题", TextLimits.Title)
            .Optional("topic", input.Topic, "培训内容", TextLimits.Text)
            .Optional("trainer", input.Trainer, "授课人", TextLimits.Name)
            .Optional("place", input.Place, "培训地点", TextLimits.Address);
        if (input.OrgUnitId is null)
            checks.Add("orgUnitId", "请选择举办单位");
        if (input.StartsAt is null)
            checks.Add("startsAt", "请填写培训时间");
        else if (input.StartsAt.Value.Year < 2000 || input.StartsAt.Value > db.Now.AddYears(1))
            checks.Add("startsAt", "培训时间须在 2000 年以后、一年以内");
        var minutes = HoursRule.ToMinutes(input.Hours, checks, "hours", TrainingSession.MaxMinutes);
        if (input.Points is { } p && (p < 0 || p > TrainingSession.MaxPoints))
            checks.Add("points", $"积分须在 0 到 {TrainingSession.MaxPoints} 之间");
        checks.ThrowIfAny();
        return minutes;
    }

    /// <summary>Unless given, a point an hour, rounded: 2 h → 2, 1.5 h → 2.</summary>
    private static int DefaultPoints(int minutes) => (int)Math.Round(minutes / 60m, MidpointRounding.AwayFromZero);

    public async Task<PagedResult<TrainingRow>> ListAsync(TrainingFilter f, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var q = await ScopedAsync(ct);
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        if (Checks.SearchTerm(f.Q, TextLimits.Title) is { } text)
        {
            q = q.Where(s =>
                s.Title.Contains(text) || (s.Trainer != null && s.Trainer.Contains(text)) || (s.Topic != null && s.Topic.Contains(text))
            );
        }
        if (f.Year is { } year)
        {
            var (start, end) = HonourYear.Bounds(year, db.Now);
            q = q.Where(s => s.StartsAt >= start && s.StartsAt < end);
        }
        return await q.OrderByDescending(s => s.StartsAt).ThenBy(s => s.Id).ToPageAsync(page, Project, ct);
    }

    public async Task<TrainingDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var row = await Project((await ScopedAsync(ct)).Where(s => s.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var attendance = await db
            .TrainingAttendances.AsNoTracking()
            .Where(a => a.SessionId == id)
            .OrderBy(a => a.Volunteer!.Name)
            .ThenBy(a => a.VolunteerId)
            .Select(a => new AttendanceView(
                a.VolunteerId,
                a.Volunteer!.Name,
                a.Volunteer.OrgUnit!.Name,
                a.Attended,
                a.Passed,
                a.Passed ? a.CertificateNumber : null,
                a.RecordedAt
            ))
            .ToListAsync(ct);
        return new TrainingDetail(row, attendance);
    }

    /// <summary>Volunteers who may be recorded for a session: accepted volunteers of the session's unit and
    /// below, within the caller's scope, with what is recorded for them.</summary>
    public async Task<PagedResult<RosterRow>> RosterAsync(Guid id, string? q, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var session = await (await ScopedAsync(ct)).Include(s => s.OrgUnit).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException();
        var vols = await EligibleAsync(session, ct);
        if (Checks.SearchTerm(q) is { } text)
        {
            vols = vols.Where(v => v.Name.Contains(text));
        }
        var rows = await vols.OrderBy(v => v.Name)
            .ThenBy(v => v.Id)
            .ToPageAsync(
                page,
                cut =>
                    cut.Select(v => new
                    {
                        v.Id,
                        v.Name,
                        Unit = v.OrgUnit!.Name,
                        v.Status,
                    }),
                ct
            );
        var ids = rows.Items.Select(r => r.Id).ToList();
        var records = await db
            .TrainingAttendances.AsNoTracking()
            .Where(a => a.SessionId == id && ids.Contains(a.VolunteerId))
            .ToDictionaryAsync(a => a.VolunteerId, ct);
        return rows.Select(r =>
        {
            var record = records.GetValueOrDefault(r.Id);
            return new RosterRow(
                r.Id,
                r.Name,
                r.Unit,
                r.Status,
                record?.Attended,
                record?.Passed ?? false,
                record is { Passed: true } ? record.CertificateNumber : null
            );
        });
    }

    /// <summary>Records attendance for many volunteers at once. Every line is checked before anything is
    /// written; the credits and certificates follow in the same save.</summary>
    public async Task<TrainingDetail> RecordAttendanceAsync(Guid id, AttendanceInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var items = input.Items ?? [];
        var checks = new Checks();
        if (items.Count == 0)
            checks.Add("items", "请至少选择一名义警");
        if (items.Count > MaxAttendancePerRequest)
            checks.Add("items", $"一次最多登记 {MaxAttendancePerRequest} 人");
        for (var i = 0; i < items.Count && checks.Ok; i++)
        {
            var item = items[i];
            if (item.VolunteerId is null)
                checks.Add($"items[{i}].volunteerId", "请指定义警");
            if (item.Attended is null)
                checks.Add($"items[{i}].attended", "请填写是否出席");
            if (item.Passed == true && item.Attended == false)
                checks.Add($"items[{i}].passed", "未出席的义警不能记为考核合格");
        }
        if (checks.Ok && items.Select(x => x.VolunteerId).Distinct().Count() != items.Count)
            checks.Add("items", "同一义警不能重复登记");
        checks.ThrowIfAny();

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await RecordOnceAsync(id, items, ct);
                break;
            }
            catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && attempt < 4)
            {
                // Another session issued the same certificate number at the same moment: start again with fresh numbers.
                db.ChangeTracker.Clear();
            }
        }
        return await GetAsync(id, ct);
    }

    private async Task RecordOnceAsync(Guid id, List<AttendanceItem> items, CancellationToken ct)
    {
        var session = await (await ScopedAsync(ct)).Include(s => s.OrgUnit).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new NotFoundException();
        var now = db.Now;
        if (session.StartsAt > now)
            throw new ConflictException("培训尚未开始，开始后才能登记出席情况");
        var ids = items.Select(x => x.VolunteerId!.Value).ToList();
        var volunteers = await (await EligibleAsync(session, ct))
            .Where(v => ids.Contains(v.Id))
            .Select(v => new
            {
                v.Id,
                v.OrgUnitId,
                v.Name,
            })
            .ToDictionaryAsync(v => v.Id, ct);
        var missing = new Checks();
        for (var i = 0; i < items.Count; i++)
            if (!volunteers.ContainsKey(ids[i]))
                missing.Add($"items[{i}].volunteerId", "义警不存在、未入队或不在本次培训的单位范围内");
        missing.ThrowIfAny();

        var records = await db
            .TrainingAttendances.Where(a => a.SessionId == id && ids.Contains(a.VolunteerId))
            .ToDictionaryAsync(a => a.VolunteerId, ct);
        var credits = await db
            .VolunteerCredits.Where(c => c.Source == CreditSource.Training && c.SourceId == id && ids.Contains(c.VolunteerId))
            .ToListAsync(ct);
        var by = user.UserId;
        var year = ChinaTime.Day(session.StartsAt).Year;
        var certify = new List<TrainingAttendance>();
        foreach (var item in items)
        {
            var vid = item.VolunteerId!.Value;
            var attended = item.Attended!.Value;
            var passed = attended && item.Passed == true;
            if (!records.TryGetValue(vid, out var record))
            {
                record = TrainingAttendance.Of(id, vid);
                db.TrainingAttendances.Add(record);
            }
            if (record.Record(attended, passed, by, now))
                certify.Add(record);

            // One credit per volunteer and session, whatever was recorded before (older duplicates are folded in).
            var mine = credits.Where(c => c.VolunteerId == vid).ToList();
            if (attended)
            {
                var credit = mine.FirstOrDefault();
                if (credit is null)
                {
                    credit = new VolunteerCredit
                    {
                        VolunteerId = vid,
                        Source = CreditSource.Training,
                        SourceId = id,
                    };
                    db.VolunteerCredits.Add(credit);
                }
                credit.OrgUnitId = volunteers[vid].OrgUnitId;
                credit.Minutes = session.Minutes;
                credit.Points = session.Points;
                credit.Reason = Trim($"参加培训：{session.Title}", TextLimits.Text);
                credit.At = session.StartsAt;
                credit.ById = by;
                db.VolunteerCredits.RemoveRange(mine.Skip(1));
            }
            else
            {
                db.VolunteerCredits.RemoveRange(mine);
            }
        }
        if (certify.Count > 0)
        {
            var numbers = await NextCertificateNumbersAsync(year, certify.Count, ct);
            for (var i = 0; i < certify.Count; i++)
                certify[i].IssueCertificate(numbers[i], now);
        }
        // The session's version moves with its attendance, so two people recording at once cannot both win.
        db.Entry(session).Property(x => x.UpdatedAt).IsModified = true;
        db.Audit(
            Audit.AuditAction.Update,
            nameof(TrainingSession),
            id.ToString(),
            $"登记培训出席：{session.Title}，{items.Count(x => x.Attended == true)} 人出席，{items.Count(x => x.Passed == true)} 人合格"
        );
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The trainings of the signed-in volunteer (their own record only), newest first.</summary>
    public async Task<IReadOnlyList<MyTraining>> MineAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } uid)
            throw new ForbiddenException();
        var volunteerId = await db.Volunteers.AsNoTracking().Where(v => v.UserId == uid).Select(v => (Guid?)v.Id).FirstOrDefaultAsync(ct);
        if (volunteerId is null)
            return [];
        return await (
            from a in db.TrainingAttendances.AsNoTracking()
            join s in db.TrainingSessions.AsNoTracking() on a.SessionId equals s.Id
            where a.VolunteerId == volunteerId
            orderby s.StartsAt descending
            select new MyTraining(
                s.Id,
                s.Title,
                s.Topic,
                s.Trainer,
                s.Place,
                s.StartsAt,
                s.Minutes,
                a.Attended,
                a.Passed,
                a.Passed ? a.CertificateNumber : null,
                s.OrgUnit!.Name
            )
        )
            .Take(200)
            .ToListAsync(ct);
    }

    /// <summary>Certificate numbers run per year from the year's counter, in the order of the attendance given.</summary>
    private Task<IReadOnlyList<string>> NextCertificateNumbersAsync(int year, int count, CancellationToken ct) =>
        RecordNumbers.NextAsync(
            db,
            TrainingAttendance.CertificateNumberFor(year, 0)[..^6],
            db.TrainingAttendances.Select(a => a.CertificateNumber),
            6,
            count,
            ct
        );

    private async Task<IQueryable<Volunteer>> EligibleAsync(TrainingSession session, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        return db
            .Volunteers.AsNoTracking()
            .Where(scope.Filter<Volunteer>())
            .Where(new DataScope(false, [session.OrgUnit!.Path], [], null).Filter<Volunteer>())
            .Where(v => v.Status == VolunteerStatus.Active || v.Status == VolunteerStatus.Suspended || v.Status == VolunteerStatus.Retired);
    }

    private async Task<IQueryable<TrainingSession>> ScopedAsync(CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        return db.TrainingSessions.Where(scope.Filter<TrainingSession>());
    }

    private async Task<OrgUnit> UnitInScopeAsync(Guid unitId, CancellationToken ct)
    {
        var unit = await db.UnitInScopeAsync(user, unitId, ct);
        return unit;
    }

    private IQueryable<TrainingRow> Project(IQueryable<TrainingSession> q) =>
        q.AsNoTracking()
            .Select(s => new TrainingRow(
                s.Id,
                s.Title,
                s.Topic,
                s.Trainer,
                s.Place,
                s.StartsAt,
                s.Minutes,
                s.Points,
                s.OrgUnitId,
                s.OrgUnit!.Name,
                db.TrainingAttendances.Count(a => a.SessionId == s.Id && a.Attended),
                db.TrainingAttendances.Count(a => a.SessionId == s.Id && a.Passed),
                s.Version
            ));

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
