using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The repeat check on intake: for each incident just added, the earlier incidents at the same
/// address and from the same caller within the window (two index range reads each, on (AddressKey,
/// ReceivedAt) and (CallerPhoneHash, ReceivedAt)). When the rule is met the incident is flagged, the
/// open cluster of that key is extended (or a new one opened with the earlier incidents) and the
/// community officers over the place are told.</summary>
public sealed class RepeatCheck(NotificationService notifications, IOptions<RepeatOptions> options) : IIncidentIntakeStep
{
    public int Order => 20;

    public async Task OnAddedAsync(LianxinDbContext db, IReadOnlyList<Incident> added, CancellationToken ct)
    {
        var touched = new List<(RepeatCluster Cluster, Incident Incident)>();
        foreach (var incident in added.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id))
        {
            if (incident.Validity == IncidentValidity.Invalid) continue;
            if (!string.IsNullOrEmpty(incident.AddressKey) && await CheckAsync(db, incident, RepeatClusterKind.Address, incident.AddressKey, ct) is { } byAddress)
                touched.Add((byAddress, incident));
            if (!string.IsNullOrEmpty(incident.CallerPhoneHash) && await CheckAsync(db, incident, RepeatClusterKind.Phone, incident.CallerPhoneHash, ct) is { } byPhone)
                touched.Add((byPhone, incident));
        }
        if (touched.Count == 0) return;
        await db.SaveChangesAsync(ct);

        // One message per officer and incident, however many clusters it joined.
        foreach (var group in touched.GroupBy(t => t.Incident.Id))
        {
            var (cluster, incident) = group.First();
            var why = string.Join("、", group.Select(g => $"{g.Cluster.Kind.Label()}第 {g.Cluster.IncidentCount} 次"));
            foreach (var officer in await IncidentPeople.AboveWithRoleAsync(db, cluster.OrgUnitId, BuiltInRoles.CommunityOfficer, ct))
                await notifications.SendAsync(officer, $"重复警情：{cluster.Label}",
                    $"警情 {incident.Number}（{incident.ReceivedAt.ToOffset(IncidentPeople.China):MM-dd HH:mm}）为{why}报警（{options.Value.WindowDays} 天内），请研判是否纳入重点关注或转为纠纷化解。",
                    $"/incidents/clusters?open={cluster.Id}", "warning", ct: ct);
        }
    }

    private async Task<RepeatCluster?> CheckAsync(LianxinDbContext db, Incident incident, RepeatClusterKind kind, string key, CancellationToken ct)
    {
        var rule = options.Value;
        var at = incident.ReceivedAt.ToUniversalTime();
        var since = at.AddDays(-rule.WindowDays);
        var id = incident.Id;
        var query = kind == RepeatClusterKind.Address
            ? db.Incidents.Where(x => x.AddressKey == key && x.ReceivedAt >= since && x.ReceivedAt <= at)
            : db.Incidents.Where(x => x.CallerPhoneHash == key && x.ReceivedAt >= since && x.ReceivedAt <= at);
        var earlier = await query.Where(x => x.Id != id && x.Validity != IncidentValidity.Invalid)
            .OrderByDescending(x => x.ReceivedAt).Take(RepeatOptions.MaxEarlier).ToListAsync(ct);
        if (earlier.Count + 1 < rule.MinCount) return null;

        var cluster = await db.RepeatClusters.Include(c => c.Members)
            .Where(c => c.Kind == kind && c.Key == key && c.LastAt >= since)
            .OrderByDescending(c => c.LastAt).FirstOrDefaultAsync(ct);
        if (cluster is null)
        {
            var first = earlier.Count > 0 ? earlier[^1] : incident;
            cluster = new RepeatCluster
            {
                Kind = kind, Key = key, OrgUnitId = incident.OrgUnitId, FirstAt = first.ReceivedAt.ToUniversalTime(), LastAt = at,
                Label = Label(kind, first.Address ?? incident.Address, incident.CallerPhoneMasked),
                CategoryCode = incident.CategoryCode,
            };
            db.RepeatClusters.Add(cluster);
        }
        foreach (var member in earlier.Append(incident))
        {
            if (cluster.Members.Any(m => m.IncidentId == member.Id)) continue;
            cluster.Members.Add(new RepeatClusterMember { ClusterId = cluster.Id, IncidentId = member.Id });
            member.FlaggedRepeat = true;
            if (member.ReceivedAt < cluster.FirstAt) cluster.FirstAt = member.ReceivedAt.ToUniversalTime();
            if (member.ReceivedAt > cluster.LastAt) cluster.LastAt = member.ReceivedAt.ToUniversalTime();
        }
        cluster.IncidentCount = cluster.Members.Count;
        // A cluster that grew again after it was settled is back on the list's open work.
        if (cluster.OnFocusList && cluster.FocusStatus == FocusStatus.Settled) cluster.FocusStatus = FocusStatus.Open;
        return cluster;
    }

    private static string Label(RepeatClusterKind kind, string? address, string? maskedPhone)
    {
        var text = kind == RepeatClusterKind.Address ? address ?? "" : $"报警电话 {maskedPhone}";
        return text.Length > Common.TextLimits.Address ? text[..Common.TextLimits.Address] : text;
    }
}

/// <summary>Who works over a place: active accounts with a role in the unit or any unit above it.</summary>
public static class IncidentPeople
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static async Task<List<string>> AboveWithRoleAsync(LianxinDbContext db, Guid unitId, string role, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Id, u.Path }).FirstAsync(ct);
        var chain = unit.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).Append(unit.Id).Distinct().ToList();
        return await (from u in db.Users
                      join ur in db.UserRoles on u.Id equals ur.UserId
                      join r in db.Roles on ur.RoleId equals r.Id
                      where r.Name == role && u.OrgUnitId != null && chain.Contains(u.OrgUnitId.Value) && !u.IsDisabled
                      select u.Id).Distinct().ToListAsync(ct);
    }

    /// <summary>Monday 00:00 (China time) of the week holding <paramref name="at"/>, as a date.</summary>
    public static DateOnly WeekStart(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.ToOffset(China).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
}
