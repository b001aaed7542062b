using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The repeat check on intake: for each incident just added, the earlier incidents at the same
/// address and from the same caller within the window (two index range reads in one round trip, on
/// (AddressKey, ReceivedAt) and (CallerPhoneHash, ReceivedAt)). When the rule is met the incident is flagged, the
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
            var found = await FindAsync(db, incident, options.Value, ct);
            if (found.Count == 0) continue;
            foreach (var hit in await WithOpenClustersAsync(db, incident, found, options.Value, ct))
                touched.Add((Join(db, incident, hit, options.Value.WindowDays), incident));
        }
        if (touched.Count == 0) return;
        // Earlier incidents were read without their rows: those of this intake are flagged in memory, the rest in one statement.
        var flag = touched.SelectMany(t => t.Cluster.Members).Select(m => m.IncidentId).Distinct().ToList();
        var local = db.Incidents.Local.Where(i => flag.Contains(i.Id)).ToList();
        foreach (var i in local) i.FlaggedRepeat = true;
        var stored = flag.Except(local.Select(i => i.Id)).ToList();
        await db.SaveChangesAsync(ct);
        if (stored.Count > 0)
            await db.Incidents.Where(i => stored.Contains(i.Id) && !i.FlaggedRepeat).ExecuteUpdateAsync(u => u.SetProperty(i => i.FlaggedRepeat, true), ct);

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

    /// <summary>A key the incident shares with enough earlier incidents, and the open cluster of that key if any.</summary>
    public sealed record Hit(RepeatClusterKind Kind, string Key, List<Earlier> Earlier, RepeatCluster? Cluster);

    /// <summary>What the check reads of an earlier incident: enough to cluster it, not the whole row.</summary>
    public sealed record Earlier
    {
        public Guid Id { get; init; }
        public DateTimeOffset ReceivedAt { get; init; }
        public string? AddressKey { get; init; }
        public string? CallerPhoneHash { get; init; }
        public string? Address { get; init; }
    }

    /// <summary>The check itself for one incident: the earlier incidents at its address and from its caller within
    /// the window, in one round trip (two index range reads, at most <see cref="RepeatOptions.MaxEarlier"/> each);
    /// a key is returned where the rule is met. Only the columns clustering needs are read.</summary>
    public static async Task<IReadOnlyList<Hit>> FindAsync(LianxinDbContext db, Incident incident, RepeatOptions rule, CancellationToken ct)
    {
        var address = string.IsNullOrEmpty(incident.AddressKey) ? null : incident.AddressKey;
        var phone = string.IsNullOrEmpty(incident.CallerPhoneHash) ? null : incident.CallerPhoneHash;
        if (address is null && phone is null) return [];
        var at = incident.ReceivedAt.ToUniversalTime();
        var since = at.AddDays(-rule.WindowDays);
        var id = incident.Id;
        IQueryable<Earlier>? query = null;
        if (address is not null)
            query = db.Incidents.AsNoTracking().Where(x => x.AddressKey == address && x.ReceivedAt >= since && x.ReceivedAt <= at && x.Id != id && x.Validity != IncidentValidity.Invalid)
                .OrderByDescending(x => x.ReceivedAt).Take(RepeatOptions.MaxEarlier)
                .Select(x => new Earlier { Id = x.Id, ReceivedAt = x.ReceivedAt, AddressKey = x.AddressKey, CallerPhoneHash = x.CallerPhoneHash, Address = x.Address });
        if (phone is not null)
        {
            var byPhone = db.Incidents.AsNoTracking().Where(x => x.CallerPhoneHash == phone && x.ReceivedAt >= since && x.ReceivedAt <= at && x.Id != id && x.Validity != IncidentValidity.Invalid)
                .OrderByDescending(x => x.ReceivedAt).Take(RepeatOptions.MaxEarlier)
                .Select(x => new Earlier { Id = x.Id, ReceivedAt = x.ReceivedAt, AddressKey = x.AddressKey, CallerPhoneHash = x.CallerPhoneHash, Address = x.Address });
            query = query is null ? byPhone : query.Concat(byPhone);
        }
        var earlier = await query!.ToListAsync(ct);
        var hits = new List<(RepeatClusterKind Kind, string Key, List<Earlier> Earlier)>();
        if (address is not null && earlier.Where(x => x.AddressKey == address).DistinctBy(x => x.Id).ToList() is { } a && a.Count + 1 >= rule.MinCount)
            hits.Add((RepeatClusterKind.Address, address, a.OrderByDescending(x => x.ReceivedAt).ToList()));
        if (phone is not null && earlier.Where(x => x.CallerPhoneHash == phone).DistinctBy(x => x.Id).ToList() is { } p && p.Count + 1 >= rule.MinCount)
            hits.Add((RepeatClusterKind.Phone, phone, p.OrderByDescending(x => x.ReceivedAt).ToList()));
        return hits.Select(h => new Hit(h.Kind, h.Key, h.Earlier, null)).ToList();
    }

    /// <summary>For keys that met the rule: the open cluster of each (newest within the window), in one round trip.</summary>
    public static async Task<IReadOnlyList<Hit>> WithOpenClustersAsync(LianxinDbContext db, Incident incident, IReadOnlyList<Hit> hits,
        RepeatOptions rule, CancellationToken ct)
    {
        var since = incident.ReceivedAt.ToUniversalTime().AddDays(-rule.WindowDays);
        var address = hits.FirstOrDefault(h => h.Kind == RepeatClusterKind.Address)?.Key;
        var phone = hits.FirstOrDefault(h => h.Kind == RepeatClusterKind.Phone)?.Key;
        var addressKey = address;
        var phoneKey = phone;
        var open = await db.RepeatClusters.Include(c => c.Members)
            .Where(c => ((c.Kind == RepeatClusterKind.Address && c.Key == addressKey) || (c.Kind == RepeatClusterKind.Phone && c.Key == phoneKey)) && c.LastAt >= since)
            .ToListAsync(ct);
        return hits.Select(h => new Hit(h.Kind, h.Key, h.Earlier,
            open.Where(c => c.Kind == h.Kind && c.Key == h.Key).OrderByDescending(c => c.LastAt).FirstOrDefault())).ToList();
    }

    /// <summary>Puts the incident and the earlier ones into the open cluster of the key, or a new one.</summary>
    private static RepeatCluster Join(LianxinDbContext db, Incident incident, Hit hit, int windowDays)
    {
        var at = incident.ReceivedAt.ToUniversalTime();
        // A cluster opened earlier in this same intake is not saved yet, so the query could not see it.
        var since = at.AddDays(-windowDays);
        var cluster = hit.Cluster ?? db.RepeatClusters.Local
            .Where(c => c.Kind == hit.Kind && c.Key == hit.Key && c.LastAt >= since).OrderByDescending(c => c.LastAt).FirstOrDefault();
        if (cluster is null)
        {
            var firstAt = hit.Earlier.Count > 0 ? hit.Earlier[^1].ReceivedAt : incident.ReceivedAt;
            var firstAddress = hit.Earlier.Count > 0 ? hit.Earlier[^1].Address : incident.Address;
            cluster = new RepeatCluster
            {
                Kind = hit.Kind, Key = hit.Key, OrgUnitId = incident.OrgUnitId, FirstAt = firstAt.ToUniversalTime(), LastAt = at,
                Label = Label(hit.Kind, firstAddress ?? incident.Address, incident.CallerPhoneMasked),
                CategoryCode = incident.CategoryCode,
            };
            db.RepeatClusters.Add(cluster);
        }
        incident.FlaggedRepeat = true;
        foreach (var member in hit.Earlier.Select(e => (e.Id, e.ReceivedAt)).Append((incident.Id, incident.ReceivedAt)))
        {
            if (cluster.Members.Any(m => m.IncidentId == member.Id)) continue;
            cluster.Members.Add(new RepeatClusterMember { ClusterId = cluster.Id, IncidentId = member.Id });
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
