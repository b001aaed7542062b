using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers;

/// <summary>Squads (中队), household-head patrol teams and joint-defence teams, their members and leaders, within
/// the caller's scope. At most one leader per squad; only active volunteers join.</summary>
public sealed class SquadService(LianxinDbContext db, ICurrentUser user)
{
    public const int MaxMembers = 500;

    public async Task<PagedResult<SquadRow>> ListAsync(SquadFilter f, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var q = (await ScopedAsync(ct)).AsNoTracking();
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(s => s.Name.Contains(text) || (s.PartnerName != null && s.PartnerName.Contains(text)));
        }
        if (Checks.Clean(f.Type) is { } type)
            q = q.Where(s => s.TypeCode == type);
        if (f.Active is { } active)
            q = q.Where(s => s.IsActive == active);
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        return await q.OrderByDescending(s => s.IsActive).ThenBy(s => s.Name).ThenBy(s => s.Id).ToPageAsync(page, Project, ct);
    }

    public async Task<SquadDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var row = await Project((await ScopedAsync(ct)).AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var description = await db.Squads.AsNoTracking().Where(s => s.Id == id).Select(s => s.Description).FirstAsync(ct);
        var members = await db
            .SquadMembers.AsNoTracking()
            .Where(m => m.SquadId == id)
            .OrderByDescending(m => m.Role)
            .ThenBy(m => m.Volunteer!.Name)
            .Take(MaxMembers)
            .Select(m => new SquadMemberView(
                m.Id,
                m.VolunteerId,
                m.Volunteer!.Name,
                m.Volunteer.PhoneMasked,
                m.Role,
                m.Volunteer.Status,
                m.JoinedAt
            ))
            .ToListAsync(ct);
        return new SquadDetail(row, description, members);
    }

    public async Task<Squad> CreateAsync(SquadInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        await ValidateAsync(input, ct);
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        var squad = new Squad { OrgUnitId = unit.Id };
        Apply(squad, input);
        if (await db.Squads.AnyAsync(s => s.OrgUnitId == unit.Id && s.Name == squad.Name, ct))
            throw new ConflictException($"{unit.Name}已有同名中队“{squad.Name}”");
        db.Squads.Add(squad);
        await db.SaveChangesAsync(ct);
        return squad;
    }

    public async Task<Squad> UpdateAsync(Guid id, SquadInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        await ValidateAsync(input, ct);
        var squad = await (await ScopedAsync(ct)).FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, squad, input.Version);
        var unit = await UnitInScopeAsync(input.OrgUnitId!.Value, ct);
        squad.OrgUnitId = unit.Id;
        Apply(squad, input);
        if (await db.Squads.AnyAsync(s => s.OrgUnitId == unit.Id && s.Name == squad.Name && s.Id != squad.Id, ct))
            throw new ConflictException($"{unit.Name}已有同名中队“{squad.Name}”");
        await db.SaveChangesAsync(ct);
        return squad;
    }

    /// <summary>Stands a squad down (or up again). Members are kept, so a squad brought back has its people.</summary>
    public async Task<Squad> SetActiveAsync(Guid id, bool active, long? version, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var squad = await (await ScopedAsync(ct)).FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, squad, version);
        if (squad.IsActive == active)
            throw new ConflictException(active ? "该中队已在用" : "该中队已撤销");
        squad.IsActive = active;
        await db.SaveChangesAsync(ct);
        return squad;
    }

    public async Task<SquadMember> AddMemberAsync(Guid squadId, SquadMemberInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        if (input.VolunteerId is not { } volunteerId)
            throw new ValidationFailedException("volunteerId", "请选择义警");
        var role = input.Role ?? SquadRole.Member;
        if (!Enum.IsDefined(role))
            throw new ValidationFailedException("role", "队内职务无效");
        var squad = await (await ScopedAsync(ct)).FirstOrDefaultAsync(s => s.Id == squadId, ct) ?? throw new NotFoundException();
        if (!squad.IsActive)
            throw new ConflictException("该中队已撤销，不能添加队员");
        var scope = await user.GetScopeAsync(ct);
        var v = await db.Volunteers.Where(scope.Filter<Volunteer>()).FirstOrDefaultAsync(x => x.Id == volunteerId, ct)
            ?? throw new ValidationFailedException("volunteerId", "义警不存在或不在您的管辖范围内");
        if (v.Status != VolunteerStatus.Active)
            throw new ValidationFailedException("volunteerId", $"只有在册义警可以编入中队（{v.Name}当前为“{v.Status.Label()}”）");
        if (await db.SquadMembers.AnyAsync(m => m.SquadId == squadId && m.VolunteerId == volunteerId, ct))
            throw new ConflictException($"{v.Name}已在该中队");
        if (await db.SquadMembers.CountAsync(m => m.SquadId == squadId, ct) >= MaxMembers)
            throw new ConflictException($"一个中队最多 {MaxMembers} 人");
        if (role == SquadRole.Leader)
            await EnsureNoLeaderAsync(squadId, null, ct);
        var member = new SquadMember
        {
            SquadId = squadId,
            VolunteerId = volunteerId,
            Role = role,
            JoinedAt = db.Now,
        };
        db.SquadMembers.Add(member);
        db.Audit(AuditAction.Update, nameof(Squad), squadId.ToString(), $"{v.Name}编入{squad.Name}（{role.Label()}）");
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task SetMemberRoleAsync(Guid squadId, Guid memberId, SquadRoleInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        if (input.Role is not { } role || !Enum.IsDefined(role))
            throw new ValidationFailedException("role", "请选择队内职务");
        var (squad, member) = await MemberAsync(squadId, memberId, ct);
        if (member.Role == role)
            return;
        if (role == SquadRole.Leader)
            await EnsureNoLeaderAsync(squadId, member.Id, ct);
        member.Role = role;
        var name = await db.Volunteers.Where(v => v.Id == member.VolunteerId).Select(v => v.Name).FirstAsync(ct);
        db.Audit(AuditAction.Update, nameof(Squad), squadId.ToString(), $"{squad.Name}：{name}任{role.Label()}");
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveMemberAsync(Guid squadId, Guid memberId, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var (squad, member) = await MemberAsync(squadId, memberId, ct);
        var name = await db.Volunteers.Where(v => v.Id == member.VolunteerId).Select(v => v.Name).FirstAsync(ct);
        db.SquadMembers.Remove(member);
        db.Audit(AuditAction.Delete, nameof(Squad), squadId.ToString(), $"{name}移出{squad.Name}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Active volunteers in scope not yet in the squad, for the picker (at most 50).</summary>
    public async Task<IReadOnlyList<VolunteerRow>> CandidatesAsync(Guid squadId, string? q, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        if (!await (await ScopedAsync(ct)).AnyAsync(s => s.Id == squadId, ct))
            throw new NotFoundException();
        var scope = await user.GetScopeAsync(ct);
        var query = db
            .Volunteers.AsNoTracking()
            .Where(scope.Filter<Volunteer>())
            .Where(v => v.Status == VolunteerStatus.Active && !db.SquadMembers.Any(m => m.SquadId == squadId && m.VolunteerId == v.Id));
        if (Checks.SearchTerm(q) is { } text)
        {
            query = query.Where(v => v.Name.Contains(text));
        }
        return await VolunteerService.Project(query.OrderBy(v => v.Name).Take(50)).ToListAsync(ct);
    }

    private async Task<(Squad, SquadMember)> MemberAsync(Guid squadId, Guid memberId, CancellationToken ct)
    {
        var squad = await (await ScopedAsync(ct)).FirstOrDefaultAsync(s => s.Id == squadId, ct) ?? throw new NotFoundException();
        var member = await db.SquadMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.SquadId == squadId, ct)
            ?? throw new NotFoundException();
        return (squad, member);
    }

    private async Task EnsureNoLeaderAsync(Guid squadId, Guid? except, CancellationToken ct)
    {
        var leader = await db
            .SquadMembers.Where(m => m.SquadId == squadId && m.Role == SquadRole.Leader && m.Id != except)
            .Select(m => m.Volunteer!.Name)
            .FirstOrDefaultAsync(ct);
        if (leader is not null)
            throw new ConflictException($"该中队已有队长（{leader}），请先把其改为队员或副队长");
    }

    private static void Apply(Squad s, SquadInput input)
    {
        s.Name = input.Name!.Trim();
        s.TypeCode = input.TypeCode!.Trim();
        s.Description = Checks.Clean(input.Description);
        var joint = s.TypeCode == SquadTypes.JointDefence;
        s.PartnerName = joint ? Checks.Clean(input.PartnerName) : null;
        s.AgreementFrom = joint ? input.AgreementFrom : null;
        s.AgreementTo = joint ? input.AgreementTo : null;
    }

    private async Task ValidateAsync(SquadInput input, CancellationToken ct)
    {
        var c = new Checks()
            .Required("name", input.Name, "中队名称", TextLimits.Title)
            .Required("typeCode", input.TypeCode, "中队类型", TextLimits.Code)
            .Optional("description", input.Description, "说明", TextLimits.Text)
            .Optional("partnerName", input.PartnerName, "合作企业", TextLimits.Title);
        if (input.OrgUnitId is null)
            c.Add("orgUnitId", "请选择所属单位");
        if (Checks.Clean(input.TypeCode) == SquadTypes.JointDefence)
        {
            if (Checks.Clean(input.PartnerName) is null)
                c.Add("partnerName", "联防队须填写合作企业");
            if (input.AgreementFrom is null)
                c.Add("agreementFrom", "联防队须填写协议开始日期");
            if (input.AgreementTo is null)
                c.Add("agreementTo", "联防队须填写协议结束日期");
            if (input.AgreementFrom is { } from && input.AgreementTo is { } to && from > to)
                c.Add("agreementTo", "协议结束日期不能早于开始日期");
        }
        c.ThrowIfAny();
        var type = input.TypeCode!.Trim();
        if (!await db.DictionaryItems.AnyAsync(i => i.Category == VolunteerDictionaries.SquadType && i.Code == type && i.IsActive, ct))
            throw new ValidationFailedException("typeCode", "中队类型不在字典中");
    }

    private async Task<OrgUnit> UnitInScopeAsync(Guid unitId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.UnitInScopeAsync(scope, unitId, ct);
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "该单位已撤销");
        return unit;
    }

    private async Task<IQueryable<Squad>> ScopedAsync(CancellationToken ct) =>
        db.Squads.Where((await user.GetScopeAsync(ct)).Filter<Squad>());

    private IQueryable<SquadRow> Project(IQueryable<Squad> q) =>
        q.Select(s => new SquadRow(
            s.Id,
            s.Name,
            s.TypeCode,
            s.OrgUnitId,
            s.OrgUnit!.Name,
            s.PartnerName,
            s.AgreementFrom,
            s.AgreementTo,
            s.IsActive,
            db.SquadMembers.Count(m => m.SquadId == s.Id),
            db.SquadMembers.Where(m => m.SquadId == s.Id && m.Role == SquadRole.Leader).Select(m => m.Volunteer!.Name).FirstOrDefault(),
            s.Version
        ));
}
