using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

public sealed class LookBackService(
    LianxinDbContext db,
    ICurrentUser user,
    AddressNormalizer addresses,
    RepeatService repeats,
    NotificationService notifications
)
{
    public async Task<PagedResult<LookBackRow>> ListAsync(LookBackFilter f, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var q = (await ScopedAsync(ct)).AsNoTracking().IgnoreAutoIncludes();
        if (f.OrgUnitId is { } unit)
            q = await DataScope.UnderUnitAsync(q, db, unit, ct);
        if (f.Category is { } c)
            q = q.Where(p => p.Category == c);
        if (f.Open is { } open)
            q = open ? q.Where(p => p.Tasks.Any(t => t.DoneAt == null)) : q.Where(p => p.Tasks.All(t => t.DoneAt != null));
        return await q.OrderByDescending(p => p.DealtOn)
            .ThenBy(p => p.Id)
            .ToPageAsync(
                page,
                cut =>
                    cut.Select(p => new LookBackRow(
                        p.Id,
                        p.Address,
                        p.Category,
                        p.OrgUnitId,
                        p.OrgUnit!.Name,
                        p.DealtOn,
                        p.Weeks,
                        p.Tasks.Count,
                        p.Tasks.Count(t => t.DoneAt != null),
                        p.Tasks.Count(t => t.Result == LookBackResult.FoundAgain)
                    )),
                ct
            );
    }

    public async Task<LookBackDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var p = await (await ScopedAsync(ct)).AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var people = p.Tasks.SelectMany(t => new[] { t.AssigneeId, t.DoneById }).Where(x => x is not null).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var tasks = p
            .Tasks.OrderBy(t => t.DueAt)
            .ThenBy(t => t.Kind)
            .Select(t => new LookBackTaskView(
                t.Id,
                t.Week,
                t.Kind,
                t.DueAt,
                t.AssigneeId,
                t.AssigneeId is null ? null : names.GetValueOrDefault(t.AssigneeId),
                t.Result,
                t.ResultNote,
                t.DoneAt,
                t.DoneById is null ? null : names.GetValueOrDefault(t.DoneById)
            ))
            .ToList();
        var row = new LookBackRow(
            p.Id,
            p.Address,
            p.Category,
            p.OrgUnitId,
            p.OrgUnit?.Name,
            p.DealtOn,
            p.Weeks,
            tasks.Count,
            tasks.Count(t => t.DoneAt is not null),
            tasks.Count(t => t.Result == LookBackResult.FoundAgain)
        );
        return new LookBackDetail(row, p.Note, tasks);
    }

    public async Task<LookBackPlan> CreateAsync(LookBackInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var checks = new Checks();
        var address = Checks.Clean(input.Address);
        if (input.OrgUnitId is null)
            checks.Add("orgUnitId", "请选择所在单位");
        if (address is null)
            checks.Add("address", "请填写地点");
        else if (address.Length > TextLimits.Address)
            checks.Add("address", $"地点不能超过 {TextLimits.Address} 字");
        if (input.Category is not { } category || !Enum.IsDefined(category))
            checks.Add("category", "请选择违法活动类别（赌博、非法采矿或其他）");
        if (input.DealtOn is null)
            checks.Add("dealtOn", "请填写查处日期");
        if (input.Weeks is not (>= 1 and <= 26))
            checks.Add("weeks", "回头看周数须在 1 到 26 之间");
        if (input.TasksPerWeek is not (null or (>= 1 and <= 3)))
            checks.Add("tasksPerWeek", "每周任务数须在 1 到 3 之间");
        var note = Checks.Clean(input.Note);
        if (note is { Length: > 1000 })
            checks.Add("note", "备注不能超过 1000 字");
        checks.ThrowIfAny();
        var today = ChinaTime.Day(db.Now);
        if (input.DealtOn!.Value > today)
            throw new ValidationFailedException("dealtOn", "查处日期不能晚于今天");
        if (input.DealtOn.Value < today.AddYears(-1))
            throw new ValidationFailedException("dealtOn", "查处日期不能早于一年前");
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.UnitInScopeAsync(scope, input.OrgUnitId!.Value, ct);
        string? assignee = null;
        if (Checks.Clean(input.AssigneeId) is { } who)
            assignee = (await repeats.OwnerAsync(who, ct)).Id;

        var plan = new LookBackPlan
        {
            OrgUnitId = unit.Id,
            Address = address!,
            AddressKey = addresses.KeyOrEmpty(address),
            Category = input.Category!.Value,
            DealtOn = input.DealtOn.Value,
            Weeks = input.Weeks!.Value,
            Note = note,
        };
        var perWeek = input.TasksPerWeek ?? 1;
        var k = 0;
        for (var week = 1; week <= plan.Weeks; week++)
        {
            // Due at the end of the week's last day (China time), counted from the day it was dealt with.
            var due = IncidentPeople.StartOf(plan.DealtOn.AddDays(7 * week)).AddSeconds(-1);
            for (var n = 0; n < perWeek; n++, k++)
                plan.AddTask(week, k % 2 == 0 ? LookBackTaskKind.Patrol : LookBackTaskKind.SpotCheck, due, assignee);
        }
        db.LookBackPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task AssignAsync(Guid planId, Guid taskId, TaskAssignInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var (plan, task) = await TaskAsync(planId, taskId, ct);
        if (!task.AllowedActions.Contains(LookBackTaskAction.Assign))
            throw new ConflictException(LookBackTaskTransitions.RefusalMessage(task.State, LookBackTaskAction.Assign));
        var assignee = (await repeats.OwnerAsync(input.AssigneeId, ct)).Id;
        task.Assign(assignee);
        await db.SaveChangesAsync(ct);
        if (assignee != user.UserId)
            await notifications.SendAsync(
                assignee,
                $"回头看任务：{plan.Address}",
                $"第 {task.Week} 周{task.Kind.Label()}，请于 {task.DueAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd} 前完成并登记结果。",
                $"/incidents/lookbacks?open={plan.Id}",
                "info",
                ct: ct
            );
    }

    public async Task RecordAsync(Guid planId, Guid taskId, TaskResultInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        if (input.Result is not { } result || !Enum.IsDefined(result))
            throw new ValidationFailedException("result", "请选择结果（正常或发现反弹）");
        var note = Checks.Clean(input.Note);
        if (note is { Length: > 1000 })
            throw new ValidationFailedException("note", "情况说明不能超过 1000 字");
        if (result == LookBackResult.FoundAgain && note is null)
            throw new ValidationFailedException("note", "发现反弹时请写明情况");
        var (plan, task) = await TaskAsync(planId, taskId, ct);
        task.RecordResult(result, note, user.UserId, db.Now);
        await db.SaveChangesAsync(ct);
        if (result == LookBackResult.FoundAgain)
            foreach (var leader in await IncidentPeople.AboveWithRoleAsync(db, plan.OrgUnitId, BuiltInRoles.StationLeader, ct))
                await notifications.SendAsync(
                    leader,
                    $"回头看发现反弹：{plan.Address}",
                    $"{plan.Category.Label()}查处后第 {task.Week} 周{task.Kind.Label()}发现反弹：{note}",
                    $"/incidents/lookbacks?open={plan.Id}",
                    "error",
                    ct: ct
                );
    }

    private async Task<(LookBackPlan Plan, LookBackTask Task)> TaskAsync(Guid planId, Guid taskId, CancellationToken ct)
    {
        var plan = await (await ScopedAsync(ct)).FirstOrDefaultAsync(p => p.Id == planId, ct) ?? throw new NotFoundException();
        var task = plan.Tasks.FirstOrDefault(t => t.Id == taskId) ?? throw new NotFoundException();
        return (plan, task);
    }

    private async Task<IQueryable<LookBackPlan>> ScopedAsync(CancellationToken ct) =>
        db.LookBackPlans.Where((await user.GetScopeAsync(ct)).Filter<LookBackPlan>());
}
