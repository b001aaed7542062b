using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>Staff and helpers: officers, auxiliaries, household heads, volunteers, "1+8+N" partners.</summary>
public sealed class MemberService(LianxinDbContext db, ICurrentUser user, PersonalDataProtector protector)
{
    public async Task<PagedResult<MemberView>> ListAsync(MemberFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        return await q.OrderBy(m => m.Kind).ThenBy(m => m.Name).ThenBy(m => m.Id).ToPageAsync(page, Project, ct);
    }

    public async Task<IReadOnlyList<MemberView>> ExportAsync(MemberFilter f, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.PeopleExport);
        // The ledger one keeps is one's own scope: the partners registered above it are seen, not exported.
        var q = await QueryAsync(f, ct, served: false);
        var rows = await Project(q.OrderBy(m => m.Kind).ThenBy(m => m.Name).Take(max)).ToListAsync(ct);
        db.Audit(Audit.AuditAction.Export, nameof(Member), null, $"导出工作人员名单 {rows.Count} 条（脱敏）");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    public async Task<MemberView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var q = await QueryAsync(new MemberFilter(), ct);
        return await Project(q.Where(m => m.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    /// <summary>Shows the full phone to a permitted user, and records that they saw it.</summary>
    public async Task<RevealedMember> RevealAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        user.DemandReveal();
        user.Demand(Permissions.MembersRead);
        var scope = await user.GetScopeAsync(ct);
        var m = await db.Members.AsNoTracking().Where(scope.Filter<Member>()).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        db.AuditReveal(nameof(Member), m.Id.ToString(), $"查看 {m.Name} 的完整电话", reason);
        await db.SaveChangesAsync(ct);
        return new RevealedMember(m.Id, m.Name, protector.Reveal(m.Phone));
    }

    public async Task<Member> CreateAsync(MemberInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.MembersManage);
        var phone = Validate(input);
        await UnitsInScope(input, ct);
        var member = new Member();
        Apply(member, input, phone);
        db.Members.Add(member);
        await db.SaveChangesAsync(ct);
        return member;
    }

    public async Task<Member> UpdateAsync(Guid id, MemberInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.MembersManage);
        var phone = Validate(input);
        var scope = await user.GetScopeAsync(ct);
        var member = await db.Members.Where(scope.Filter<Member>()).FirstOrDefaultAsync(m => m.Id == id, ct)
            ?? throw new NotFoundException();
        Concurrency.Expect(db, member, input.Version);
        await UnitsInScope(input, ct);
        Apply(member, input, phone);
        await db.SaveChangesAsync(ct);
        return member;
    }

    private void Apply(Member m, MemberInput input, PhoneNumberResult? phone)
    {
        m.Name = input.Name!.Trim();
        m.Kind = input.Kind!.Value;
        m.Gender = input.Gender ?? Gender.Unknown;
        m.OrgUnitId = input.OrgUnitId!.Value;
        m.Organization = Checks.Clean(input.Organization);
        m.Skills = (input.Skills ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        m.ServedUnitIds = (input.ServedUnitIds ?? []).Distinct().ToList();
        m.IsActive = input.IsActive;
        m.Note = Checks.Clean(input.Note);
        if (phone is { Normalized: { } p })
            m.Phone = protector.ProtectIfChanged(m.Phone, p, PhoneNumber.Mask);
        else if (input.Phone is not null)
            m.Phone = ProtectedText.Empty;
    }

    /// <summary>Members in the caller's scope and, when <paramref name="served"/>, those registered at the units
    /// above it, who serve it too (<see cref="ServedScope"/>); editing stays with the plain scope.</summary>
    private async Task<IQueryable<Member>> QueryAsync(MemberFilter f, CancellationToken ct, bool served = true)
    {
        user.Demand(Permissions.MembersRead);
        var scope = served ? await user.GetServedScopeAsync(db, ct) : await user.GetScopeAsync(ct);
        var q = db.Members.AsNoTracking().Where(scope.Filter<Member>());
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(m => m.Name.Contains(text) || (m.Organization != null && m.Organization.Contains(text)));
        }
        if (f.Kind is { } kind)
            q = q.Where(m => m.Kind == kind);
        if (f.Active is { } active)
            q = q.Where(m => m.IsActive == active);
        if (Checks.Clean(f.Skill) is { } skill)
            q = q.Where(m => m.Skills.Contains(skill));
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        return q;
    }

    private static IQueryable<MemberView> Project(IQueryable<Member> q) =>
        q.Select(m => new MemberView(
            m.Id,
            m.Name,
            m.Kind,
            m.Gender,
            m.OrgUnitId,
            m.OrgUnit!.Name,
            m.PhoneMasked,
            m.Organization,
            m.Skills,
            m.ServedUnitIds,
            m.IsActive,
            m.UserId,
            m.Note,
            m.Version
        ));

    private static PhoneNumberResult? Validate(MemberInput input)
    {
        var c = new Checks()
            .Required("name", input.Name, "姓名", TextLimits.Name)
            .Optional("organization", input.Organization, "所在单位/组织", TextLimits.Title)
            .Optional("note", input.Note, "备注", TextLimits.Text);
        if (input.Kind is null)
            c.Add("kind", "请选择人员类别");
        else if (!Enum.IsDefined(input.Kind.Value))
            c.Add("kind", "人员类别无效");
        if (input.Kind == MemberKind.Partner && string.IsNullOrWhiteSpace(input.Organization))
            c.Add("organization", "协作力量须填写所代表的单位或组织");
        if (input.OrgUnitId is null)
            c.Add("orgUnitId", "请选择所属单位");
        if (input.Skills is { Count: > 30 })
            c.Add("skills", "特长不能超过 30 项");
        if (input.Skills?.Any(s => s is null || s.Length > TextLimits.Code) == true)
            c.Add("skills", "特长编码无效");
        if (input.ServedUnitIds is { Count: > 200 })
            c.Add("servedUnitIds", "服务单位不能超过 200 个");
        PhoneNumberResult? phone = null;
        if (Checks.Clean(input.Phone) is { } p)
        {
            phone = PhoneNumber.Parse(p);
            if (!phone.IsValid)
                c.Add("phone", phone.Error ?? "电话号码无效");
        }
        c.ThrowIfAny();
        return phone;
    }

    private async Task UnitsInScope(MemberInput input, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var ids = (input.ServedUnitIds ?? []).Append(input.OrgUnitId!.Value).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToListAsync(ct);
        if (units.Count != ids.Count)
            throw new ValidationFailedException("orgUnitId", "所选单位不存在");
        if (units.Any(u => !scope.Covers(u)))
            throw new ForbiddenException("所选单位不在您的管辖范围内");
    }
}
