using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Cases;

/// <summary>Tells the station leaders (所长/教导员) over a case's unit when 75% of its time has gone and again when
/// it is overdue. What was sent is marked on the case in the same save as the notifications, so a sweep that
/// fails halfway sends nothing twice and loses nothing.</summary>
public sealed class CaseReminders(LianxinDbContext db, NotificationService notifications) : IReminderSource
{
    private const int Batch = 200;

    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        _leaders.Clear();
        var sent = 0;
        // Overdue first: a case found overdue gets that notice only, not a warning as well.
        var overdue = await db
            .PublicSecurityCases.Where(c => c.Status == CaseStatus.Open && c.OverdueNotifiedAt == null && c.DueAt <= now)
            .OrderBy(c => c.DueAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var c in overdue)
        {
            c.MarkOverdueNotified(now);
            sent += await NotifyAsync(
                c,
                $"治安案件已超期：{c.Title}",
                $"{c.Kind.Label()} {c.Number}（办案民警 {c.HandlingOfficer}）的 {c.LimitDays} 天办理时限已于 {China(c.DueAt)} 届满，请督促尽快办结。",
                "error",
                ct
            );
        }
        var nearing = await db
            .PublicSecurityCases.Where(c => c.Status == CaseStatus.Open && c.WarnedAt == null && c.WarnAt <= now && c.DueAt > now)
            .OrderBy(c => c.WarnAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var c in nearing)
        {
            c.MarkWarned(now);
            sent += await NotifyAsync(
                c,
                $"治安案件临期：{c.Title}",
                $"{c.Kind.Label()} {c.Number}（办案民警 {c.HandlingOfficer}）已用去 75% 的办理时限，将于 {China(c.DueAt)} 届满。",
                "warning",
                ct
            );
        }
        return sent;
    }

    private static string China(DateTimeOffset at) =>
        at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<int> NotifyAsync(PublicSecurityCase c, string title, string body, string severity, CancellationToken ct)
    {
        var leaders = await LeadersAsync(c.OrgUnitId, ct);
        if (leaders.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return 0;
        }
        foreach (var leader in leaders)
            await notifications.SendAsync(leader, title, body, $"/incidents/cases/{c.Id}", severity, ct: ct);
        return leaders.Count;
    }

    /// <summary>Active station-leader accounts in the unit or any unit above it, read once per unit and sweep.</summary>
    private readonly Dictionary<Guid, List<string>> _leaders = [];

    private async Task<List<string>> LeadersAsync(Guid unitId, CancellationToken ct)
    {
        if (!_leaders.TryGetValue(unitId, out var leaders))
            _leaders[unitId] = leaders = await Repeats.IncidentPeople.AboveWithRoleAsync(db, unitId, BuiltInRoles.StationLeader, ct);
        return leaders;
    }
}
