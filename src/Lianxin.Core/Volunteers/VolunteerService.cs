using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers;

/// <summary>The volunteer registry (义警名册): people apply from their phone, staff review them and change their
/// status, every change is kept as history and in the audit log, and the account holds the volunteer role exactly
/// while the record is active.</summary>
public sealed class VolunteerService(
    LianxinDbContext db,
    ICurrentUser user,
    PersonalDataProtector protector,
    NotificationService notifications,
    UserManager<LianxinUser> users
)
{
    public const int MaxSkills = 20;

    // ---------------------------------------------------------------- applying (the person themself)

    public async Task<Volunteer> ApplyAsync(VolunteerApplication input, CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var (id, phone) = ValidateApplication(input);
        var skills = await SkillsAsync(input.Skills, ct);
        var unit = await ApplicationUnitAsync(me, input.OrgUnitId, ct);
        var v = await db.Volunteers.FirstOrDefaultAsync(x => x.UserId == me, ct);
        // Someone staff registered by hand applies from their own phone later: their record is taken over, not doubled.
        var linked = v is null ? await LinkableAsync(me, ct) : null;
        if (linked is not null)
        {
            v = linked;
            v.LinkAccount(me);
            if (v.Status == VolunteerStatus.Active)
                return await LinkActiveAsync(v, me, ct);
        }
        var from = v?.Status;
        if (v is not null && VolunteerStatusRules.IsOpenApplication(v.Status))
            throw new ConflictException("您已提交过申请，正在审核中，请勿重复提交");
        if (!VolunteerStatusRules.IsAllowed(from, VolunteerAction.Apply))
            throw new ConflictException(
                v!.Status == VolunteerStatus.Active ? "您已是在册义警，无需再次申请" : "您的义警资格已暂停，请联系社区民警恢复"
            );
        if (id?.Normalized is { } number)
        {
            var hash = protector.BlindIndex(number);
            if (await db.Volunteers.AnyAsync(x => x.IdNumberHash == hash && x.UserId != me && (linked == null || x.Id != linked.Id), ct))
                throw new ConflictException("该身份证号已登记为义警，请勿重复申请（如有疑问请联系社区民警）");
        }
        var now = db.Now;
        var details = new VolunteerDetails(
            input.Name!,
            id?.Gender is { } g and not Gender.Unknown ? g : input.Gender ?? Gender.Unknown,
            protector.ProtectIfChanged(v?.Phone ?? ProtectedText.Empty, phone.Normalized!, PhoneNumber.Mask),
            id?.Normalized is { } n
                ? protector.ProtectIfChanged(v?.IdNumber ?? ProtectedText.Empty, n, CitizenId.Mask)
                : ProtectedText.Empty,
            unit.Id,
            skills,
            input.Availability ?? VolunteerAvailability.None,
            Checks.Clean(input.Statement)
        );
        VolunteerStatusChange change;
        if (v is null)
        {
            (v, change) = Volunteer.Applying(me, details, now);
            db.Volunteers.Add(v);
        }
        else
            change = v.Reapply(details, me, now);
        db.VolunteerStatusChanges.Add(change);
        db.Audit(AuditAction.Update, nameof(Volunteer), v.Id.ToString(), $"{v.Name} 申请加入义警（{unit.Name}）");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (from is null || linked is not null)
        {
            // Two first applications of one account at the same moment: the unique account index keeps one.
            throw new ConflictException("您已提交过申请，正在审核中，请勿重复提交");
        }
        await NotifyReviewersAsync(v, unit, ct);
        return v;
    }

    /// <summary>An account-less record in the applicant's station whose phone is the phone of the applicant's account
    /// (not the phone typed in the form, so nobody takes over another person's record by typing their number).</summary>
    private async Task<Volunteer?> LinkableAsync(string me, CancellationToken ct)
    {
        var accountPhone = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        var phone = PhoneNumber.Parse(accountPhone);
        if (!phone.IsValid)
            return null;
        var (_, root) = await HomeAsync(me, ct);
        if (root is null)
            return null;
        var hash = protector.BlindIndex(phone.Normalized!);
        return await db
            .Volunteers.Where(new DataScope(false, [root.Path], [], null).Filter<Volunteer>())
            .Where(x => x.UserId == null && x.PhoneHash == hash)
            .OrderBy(x => x.Status == VolunteerStatus.Active ? 0 : 1)
            .ThenBy(x => x.AppliedAt)
            .ThenBy(x => x.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Links an active record staff registered to the applicant's account: no new application, the account
    /// gets the volunteer role at once.</summary>
    private async Task<Volunteer> LinkActiveAsync(Volunteer v, string me, CancellationToken ct)
    {
        db.VolunteerStatusChanges.Add(
            new VolunteerStatusChange
            {
                VolunteerId = v.Id,
                From = v.Status,
                To = v.Status,
                Reason = "本人通过手机申请，已关联本人账号",
                At = db.Now,
                ById = me,
            }
        );
        db.Audit(
            AuditAction.Update,
            nameof(Volunteer),
            v.Id.ToString(),
            $"义警 {v.Name} 的记录已关联本人账号（本人申请时按账号手机号匹配）"
        );
        try
        {
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            await db.SaveChangesAsync(ct);
            await SyncRoleAsync(v, ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same record or account was linked by a request a moment before.
            throw new ConflictException("您的义警记录正在关联，请稍后刷新查看");
        }
        await notifications.SendAsync(
            me,
            "已关联义警记录",
            "民警已为您登记为义警，现已关联到本账号，可在“我的义警”查看中队、活动和积分。",
            "/m/volunteer",
            "success",
            ct: ct
        );
        return v;
    }

    /// <summary>The caller's own record, or an empty view when they never applied.</summary>
    public async Task<MyVolunteerView> MineAsync(CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var v = await db.Volunteers.AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.UserId == me, ct);
        if (v is null)
            return new MyVolunteerView(
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                [],
                VolunteerAvailability.None,
                null,
                null,
                null,
                null,
                true,
                [],
                new VolunteerCreditTotals(0, 0)
            );
        var reason = await db
            .VolunteerStatusChanges.AsNoTracking()
            .Where(c => c.VolunteerId == v.Id)
            .OrderByDescending(c => c.At)
            .Select(c => c.Reason)
            .FirstOrDefaultAsync(ct);
        return new MyVolunteerView(
            true,
            v.Id,
            v.Status,
            v.Status.Label(),
            v.Name,
            v.PhoneMasked,
            v.OrgUnit?.Name,
            v.Skills,
            v.Availability,
            v.Statement,
            v.AppliedAt,
            v.JoinedAt,
            v.Status is VolunteerStatus.Declined or VolunteerStatus.Suspended or VolunteerStatus.Retired ? reason : null,
            VolunteerStatusRules.Next(v.Status, VolunteerAction.Apply) is not null,
            await SquadsOfAsync(v.Id, ct),
            await CreditsOfAsync(v.Id, ct)
        );
    }

    /// <summary>Where a person may say they live: the villages and communities of the station above their account's
    /// unit (or below it, for an account of a station or a bureau), plus that unit itself.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ApplicationUnitsAsync(CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var (home, root) = await HomeAsync(me, ct);
        if (home is null || root is null)
            return [];
        var rows = await db
            .OrgUnits.AsNoTracking()
            .Where(u =>
                !u.IsRetired
                && u.Path.StartsWith(root.Path)
                && (u.Kind == OrgUnitKind.Village || u.Kind == OrgUnitKind.Community || u.Id == home.Id)
            )
            .OrderBy(u => u.Id == home.Id ? 0 : 1)
            .ThenBy(u => u.Name)
            .Take(500)
            .Select(u => new { u.Id, u.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    // ---------------------------------------------------------------- staff: registry

    public async Task<PagedResult<VolunteerRow>> ListAsync(VolunteerFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        return await Order(q).ToPageAsync(page, Project, ct);
    }

    public async Task<IReadOnlyList<VolunteerRow>> ExportAsync(VolunteerFilter f, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersExport);
        var rows = await Project(Order(await QueryAsync(f, ct)).Take(max)).ToListAsync(ct);
        db.Audit(AuditAction.Export, nameof(Volunteer), null, $"导出义警名册 {rows.Count} 条（电话脱敏）");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    public async Task<int> CountApplicantsAsync(CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        return await (await ScopedAsync(ct)).CountAsync(v => v.Status == VolunteerStatus.Applicant, ct);
    }

    public async Task<VolunteerDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var v = await (await ScopedAsync(ct)).AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var history = await db
            .VolunteerStatusChanges.AsNoTracking()
            .Where(c => c.VolunteerId == id)
            .OrderBy(c => c.At)
            .ThenBy(c => c.Id)
            .ToListAsync(ct);
        var people = history.Where(h => h.ById != null).Select(h => h.ById!).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return new VolunteerDetail(
            Row(v),
            v.IdNumberMasked,
            v.Statement,
            v.Note,
            v.UserId is not null,
            history
                .Select(h => new VolunteerStatusChangeView(
                    h.From,
                    h.To,
                    h.Reason,
                    h.At,
                    h.ById is null ? null : names.GetValueOrDefault(h.ById, "（已删除账号）")
                ))
                .ToList(),
            await SquadsOfAsync(id, ct),
            await CreditsOfAsync(id, ct),
            VolunteerStatusRules.StaffActions(v.Status)
        );
    }

    /// <summary>Shows the full phone and ID number to a reviewer, and records that they saw them.</summary>
    public async Task<RevealedVolunteer> RevealAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        user.DemandReveal();
        var v = await (await ScopedAsync(ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        db.AuditReveal(nameof(Volunteer), v.Id.ToString(), $"查看义警 {v.Name} 的完整电话和身份证号", reason);
        await db.SaveChangesAsync(ct);
        return new RevealedVolunteer(v.Id, v.Name, protector.Reveal(v.Phone), protector.Reveal(v.IdNumber));
    }

    // ---------------------------------------------------------------- staff: registering by hand

    /// <summary>Staff register a volunteer who will not apply from a phone. The record is active at once and has no
    /// account; the same phone or ID number already in the station's registry is refused.</summary>
    public async Task<Volunteer> RegisterAsync(VolunteerRegistration input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var c = new Checks()
            .Required("name", input.Name, "姓名", TextLimits.Name)
            .Optional("note", input.Note, "备注", TextLimits.Text)
            .Optional("assistantKindCode", input.AssistantKindCode, "警务助理类别", TextLimits.Code);
        var phone = PhoneNumber.Parse(input.Phone);
        if (Checks.Clean(input.Phone) is null)
            c.Add("phone", "请填写电话号码（本人日后用手机申请时据此关联）");
        else if (!phone.IsValid)
            c.Add("phone", phone.Error ?? "电话号码无效");
        var id = CheckPerson(c, input.IdNumber, input.Gender, input.Availability, input.Skills);
        if (input.OrgUnitId is null)
            c.Add("orgUnitId", "请选择所在村（社区）");
        c.ThrowIfAny();
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        var skills = await SkillsAsync(input.Skills, ct);
        var kind = await AssistantKindAsync(input.AssistantKindCode, ct);

        var station = await StationLookup.StationOfAsync(db, unit.Path, ct);
        var inStation = db.Volunteers.AsNoTracking().Where(new DataScope(false, [station.Path], [], null).Filter<Volunteer>());
        var phoneHash = protector.BlindIndex(phone.Normalized!);
        if (
            await inStation.Where(x => x.PhoneHash == phoneHash).Select(x => new { x.Name, x.Status }).FirstOrDefaultAsync(ct) is
            { } samePhone
        )
            throw new ConflictException(
                $"该电话号码已在本所义警名册中（{samePhone.Name}，{samePhone.Status.Label()}），请勿重复登记，可在名册中按电话查找"
            );
        if (id?.Normalized is { } number)
        {
            var idHash = protector.BlindIndex(number);
            if (
                await inStation.Where(x => x.IdNumberHash == idHash).Select(x => new { x.Name, x.Status }).FirstOrDefaultAsync(ct) is
                { } sameId
            )
                throw new ConflictException($"该身份证号已在本所义警名册中（{sameId.Name}，{sameId.Status.Label()}），请勿重复登记");
        }

        var now = db.Now;
        var v = Volunteer.Registered(
            new VolunteerDetails(
                input.Name!,
                id?.Gender is { } idGender and not Gender.Unknown ? idGender : input.Gender ?? Gender.Unknown,
                protector.Protect(phone.Normalized!, PhoneNumber.Mask),
                id?.Normalized is { } n ? protector.Protect(n, CitizenId.Mask) : ProtectedText.Empty,
                unit.Id,
                skills,
                input.Availability ?? VolunteerAvailability.None
            ),
            now,
            kind,
            Checks.Clean(input.Note)
        );
        db.Volunteers.Add(v);
        db.VolunteerStatusChanges.Add(
            new VolunteerStatusChange
            {
                VolunteerId = v.Id,
                From = null,
                To = VolunteerStatus.Active,
                Reason = "由民警登记",
                At = now,
                ById = user.UserId,
            }
        );
        db.Audit(AuditAction.Create, nameof(Volunteer), v.Id.ToString(), $"登记义警 {v.Name}（{unit.Name}），直接在册，未关联账号");
        await db.SaveChangesAsync(ct);
        return v;
    }

    private async Task<string?> AssistantKindAsync(string? code, CancellationToken ct)
    {
        var kind = Checks.Clean(code);
        if (
            kind is not null
            && !await db.DictionaryItems.AnyAsync(
                i => i.Category == VolunteerDictionaries.AssistantKind && i.Code == kind && i.IsActive,
                ct
            )
        )
            throw new ValidationFailedException("assistantKindCode", "警务助理类别不在字典中");
        return kind;
    }

    // ---------------------------------------------------------------- staff: review and status

    public async Task<Volunteer> ChangeStatusAsync(Guid id, VolunteerStatusInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        if (input.Action is not { } action || !Enum.IsDefined(action) || action == VolunteerAction.Apply)
            throw new ValidationFailedException("action", "请指定操作：Accept、Decline、Suspend、Reinstate 或 Retire");
        var reason = Checks.Clean(input.Reason);
        if (reason is { Length: > TextLimits.Text })
            throw new ValidationFailedException("reason", $"原因不能超过 {TextLimits.Text} 个字");
        if (reason is null && VolunteerStatusRules.NeedsReason(action))
            throw new ValidationFailedException("reason", $"{action.Label()}须写明原因，本人可以看到");
        var v = await (await ScopedAsync(ct)).Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        Concurrency.Expect(db, v, input.Version);
        var from = v.Status;
        var change = v.Change(action, reason, user.UserId, db.Now);
        var to = change.To;
        db.VolunteerStatusChanges.Add(change);
        db.Audit(
            AuditAction.Update,
            nameof(Volunteer),
            v.Id.ToString(),
            $"义警 {v.Name}：{from.Label()} → {to.Label()}（{action.Label()}）" + (reason is null ? "" : $"；原因：{reason}")
        );
        await using (var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null)
        {
            await db.SaveChangesAsync(ct);
            await SyncRoleAsync(v, ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
        }
        if (v.UserId is { } account)
        {
            var (title, body) = action switch
            {
                VolunteerAction.Accept => ("义警申请已通过", "欢迎加入义警队伍！可在“我的义警”查看中队、活动和积分。"),
                VolunteerAction.Decline => ("义警申请未通过", $"原因：{reason}"),
                VolunteerAction.Suspend => ("义警资格已暂停", $"原因：{reason}"),
                VolunteerAction.Reinstate => ("义警资格已恢复", "欢迎回来，可继续报名参加活动。"),
                _ => ("已退出义警队伍", $"原因：{reason}"),
            };
            await notifications.SendAsync(
                account,
                title,
                body,
                "/m/volunteer",
                action is VolunteerAction.Accept or VolunteerAction.Reinstate ? "success" : "warning",
                ct: ct
            );
        }
        return v;
    }

    public async Task<Volunteer> UpdateProfileAsync(Guid id, VolunteerProfileInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var c = new Checks().Optional("note", input.Note, "备注", TextLimits.Text);
        if (input.Availability is { } a && (a & ~VolunteerStatusRules.AllAvailability) != 0)
            c.Add("availability", "可服务时间无效");
        c.ThrowIfAny();
        var v = await (await ScopedAsync(ct)).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, v, input.Version);
        var skills = input.Skills is null ? null : await SkillsAsync(input.Skills, ct);
        if (input.OrgUnitId is { } unitId && unitId != v.OrgUnitId)
            v.MoveTo((await UnitInScopeAsync(unitId, ct)).Id);
        var kind = Checks.Clean(input.AssistantKindCode);
        if (
            kind is not null
            && !await db.DictionaryItems.AnyAsync(
                i => i.Category == VolunteerDictionaries.AssistantKind && i.Code == kind && i.IsActive,
                ct
            )
        )
            throw new ValidationFailedException("assistantKindCode", "警务助理类别不在字典中");
        v.CorrectProfile(skills, input.Availability, kind, Checks.Clean(input.Note));
        await db.SaveChangesAsync(ct);
        return v;
    }

    // ---------------------------------------------------------------- helpers

    /// <summary>The account holds the volunteer role exactly while the record is active. Taking the role away also
    /// renews the account's security stamp, so open sessions and bearer tokens lose it at once; a granted role arrives
    /// with the next claims refresh (within a minute for the phone's cookie) or the next sign-in.</summary>
    private async Task SyncRoleAsync(Volunteer v, CancellationToken ct)
    {
        if (v.UserId is null)
            return;
        ct.ThrowIfCancellationRequested();
        var account = await users.FindByIdAsync(v.UserId);
        if (account is null)
            return;
        var has = await users.IsInRoleAsync(account, BuiltInRoles.Volunteer);
        var should = VolunteerStatusRules.HoldsVolunteerRole(v.Status);
        if (should && !has)
            Check(await users.AddToRoleAsync(account, BuiltInRoles.Volunteer));
        else if (!should && has)
        {
            Check(await users.RemoveFromRoleAsync(account, BuiltInRoles.Volunteer));
            Check(await users.UpdateSecurityStampAsync(account));
        }
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
            throw new ConflictException("账号角色更新失败：" + string.Join("；", r.Errors.Select(e => e.Description)));
    }

    /// <summary>A new application tells those who review volunteers for that place.</summary>
    private async Task NotifyReviewersAsync(Volunteer v, OrgUnit unit, CancellationToken ct)
    {
        var reviewers = await AccountsOver
            .WithPermission(db, unit.Path, Permissions.VolunteersManage)
            .Select(u => u.Id)
            .Take(50)
            .ToListAsync(ct);
        foreach (var r in reviewers)
            await notifications.SendAsync(
                r,
                $"义警申请：{v.Name}",
                $"{unit.Name}的 {v.Name} 申请加入义警，请审核。",
                $"/volunteers/{v.Id}",
                ct: ct
            );
    }

    /// <summary>The personal fields a staff registration and an application share, checked alike; the parsed ID
    /// number (null when none was given) is returned for the caller to store.</summary>
    private CitizenIdResult? CheckPerson(
        Checks c,
        string? idNumber,
        Gender? gender,
        VolunteerAvailability? availability,
        List<string>? skills
    )
    {
        CitizenIdResult? id = null;
        if (Checks.Clean(idNumber) is { } idText)
        {
            id = CitizenId.Parse(idText, ChinaTime.Day(db.Now));
            if (!id.IsValid)
                c.Add("idNumber", id.Error ?? "身份证号无效");
        }
        if (gender is { } g && !Enum.IsDefined(g))
            c.Add("gender", "性别无效");
        if (availability is { } a && (a & ~VolunteerStatusRules.AllAvailability) != 0)
            c.Add("availability", "可服务时间无效");
        if (skills is { Count: > MaxSkills })
            c.Add("skills", $"特长最多选 {MaxSkills} 项");
        return id;
    }

    private (CitizenIdResult? Id, PhoneNumberResult Phone) ValidateApplication(VolunteerApplication input)
    {
        var c = new Checks()
            .Required("name", input.Name, "姓名", TextLimits.Name)
            .Optional("statement", input.Statement, "申请说明", TextLimits.Text);
        var phone = PhoneNumber.Parse(input.Phone);
        if (!phone.IsValid)
            c.Add("phone", phone.Error ?? "电话号码无效");
        var id = CheckPerson(c, input.IdNumber, input.Gender, input.Availability, input.Skills);
        c.ThrowIfAny();
        return (id, phone);
    }

    /// <summary>Skill codes, each an active entry of the volunteer-skill dictionary.</summary>
    private async Task<List<string>> SkillsAsync(List<string>? input, CancellationToken ct)
    {
        if (input is null)
            return [];
        if (input.Count > MaxSkills)
            throw new ValidationFailedException("skills", $"特长最多选 {MaxSkills} 项");
        var codes = input.Select(s => s?.Trim() ?? "").Distinct().ToList();
        if (codes.Any(s => s.Length is 0 or > TextLimits.Code))
            throw new ValidationFailedException("skills", "特长编码无效");
        var known = await db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == VolunteerDictionaries.Skill && i.IsActive && codes.Contains(i.Code))
            .Select(i => i.Code)
            .ToListAsync(ct);
        var unknown = codes.Except(known).ToList();
        if (unknown.Count > 0)
            throw new ValidationFailedException("skills", $"特长不在字典中：{string.Join("、", unknown.Take(5))}");
        return codes;
    }

    /// <summary>The account's own unit and the unit whose subtree an applicant may choose from (their station).</summary>
    private async Task<(OrgUnit? Home, OrgUnit? Root)> HomeAsync(string me, CancellationToken ct)
    {
        var unitId = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unitId is null)
            return (null, null);
        var home = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (home is null)
            return (null, null);
        var chain = OrgUnit.ChainOf(home.Path);
        var station = await db
            .OrgUnits.AsNoTracking()
            .Where(u => chain.Contains(u.Id) && u.Kind == OrgUnitKind.Station)
            .FirstOrDefaultAsync(ct);
        return (home, station ?? home);
    }

    private async Task<OrgUnit> ApplicationUnitAsync(string me, Guid? chosen, CancellationToken ct)
    {
        var (home, root) = await HomeAsync(me, ct);
        if (home is null || root is null)
            throw new ValidationFailedException("orgUnitId", "您的账号未设所属单位，请联系社区民警");
        if (chosen is null || chosen == home.Id)
            return home;
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == chosen, ct);
        if (unit is null || unit.IsRetired || !unit.Path.StartsWith(root.Path, StringComparison.Ordinal))
            throw new ValidationFailedException("orgUnitId", "所在村（社区）须在本派出所辖区内");
        return unit;
    }

    private async Task<OrgUnit> UnitInScopeAsync(Guid unitId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.UnitInScopeAsync(scope, unitId, ct);
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "该单位已撤销");
        return unit;
    }

    private async Task<IQueryable<Volunteer>> QueryAsync(VolunteerFilter f, CancellationToken ct)
    {
        user.Demand(Permissions.VolunteersRead);
        var q = (await ScopedAsync(ct)).AsNoTracking();
        if (f.Status is { } s)
        {
            if (!Enum.IsDefined(s))
                throw new ValidationFailedException("status", "状态无效");
            q = q.Where(v => v.Status == s);
        }
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            var phone = PhoneNumber.Parse(text);
            if (phone.IsValid)
            {
                var hash = protector.BlindIndex(phone.Normalized!);
                q = q.Where(v => v.PhoneHash == hash || v.Name.Contains(text));
            }
            else
                q = q.Where(v => v.Name.Contains(text));
        }
        if (Checks.Clean(f.Skill) is { } skill)
            q = q.Where(v => v.Skills.Contains(skill));
        if (f.SquadId is { } squad)
            q = q.Where(v => db.SquadMembers.Any(m => m.SquadId == squad && m.VolunteerId == v.Id));
        if (Checks.Clean(f.AssistantKind) is { } kind)
            q = q.Where(v => v.AssistantKindCode == kind);
        if (f.Assistant is { } assistant)
            q = assistant ? q.Where(v => v.AssistantKindCode != null) : q.Where(v => v.AssistantKindCode == null);
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        return q;
    }

    /// <summary>Applications waiting for review come first, so the queue is the top of the registry.</summary>
    private static IQueryable<Volunteer> Order(IQueryable<Volunteer> q) =>
        q.OrderBy(v => v.Status == VolunteerStatus.Applicant ? 0 : 1).ThenByDescending(v => v.AppliedAt).ThenBy(v => v.Id);

    private async Task<IQueryable<Volunteer>> ScopedAsync(CancellationToken ct) =>
        db.Volunteers.Where((await user.GetScopeAsync(ct)).Filter<Volunteer>());

    // One projection for queries and for loaded entities, so a list row and a single row cannot drift apart;
    // the unit's name is null-safe because a loaded entity may come without its unit.
    private static readonly Expression<Func<Volunteer, VolunteerRow>> AsRow = v => new VolunteerRow(
        v.Id,
        v.Name,
        v.Gender,
        v.PhoneMasked,
        v.OrgUnitId,
        v.OrgUnit == null ? null : v.OrgUnit.Name,
        v.Skills,
        v.Availability,
        v.Status,
        v.AppliedAt,
        v.JoinedAt,
        v.AssistantKindCode,
        v.Version
    );

    private static readonly Func<Volunteer, VolunteerRow> ToRow = AsRow.Compile();

    /// <summary>Volunteers as list rows; the squad's candidate list shows the same row.</summary>
    internal static IQueryable<VolunteerRow> Project(IQueryable<Volunteer> q) => q.Select(AsRow);

    private static VolunteerRow Row(Volunteer v) => ToRow(v);

    private async Task<IReadOnlyList<VolunteerSquadView>> SquadsOfAsync(Guid volunteerId, CancellationToken ct) =>
        await (
            from m in db.SquadMembers.AsNoTracking()
            join s in db.Squads.AsNoTracking() on m.SquadId equals s.Id
            where m.VolunteerId == volunteerId
            orderby s.Name
            select new VolunteerSquadView(s.Id, s.Name, s.TypeCode, m.Role, s.IsActive)
        ).ToListAsync(ct);

    private async Task<VolunteerCreditTotals> CreditsOfAsync(Guid volunteerId, CancellationToken ct)
    {
        var sums = await db
            .VolunteerCredits.AsNoTracking()
            .Where(c => c.VolunteerId == volunteerId)
            .GroupBy(c => 1)
            .Select(g => new { Minutes = g.Sum(c => c.Minutes), Points = g.Sum(c => c.Points) })
            .FirstOrDefaultAsync(ct);
        return new VolunteerCreditTotals(sums?.Minutes ?? 0, sums?.Points ?? 0);
    }
}
