using Lianxin.Core.Common;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Cases;

namespace Lianxin.Core.Demo;

/// <summary>Public-security cases (治安案件) registered from the demo station's recent incidents (drunken fights,
/// gambling, noise): those registered long enough ago were concluded within their limit, and the newest are open, one of
/// them past three quarters of its time and one past its limit, so the case countdown and the reminders have work.</summary>
public static class DemoCases
{
    private static readonly (string Prefix, CaseKind Kind, string Title, string Conclusion)[] Kinds =
    [
        ("public-order.fight", CaseKind.General, "酒后殴打他人案", "已对违法行为人依法作出行政拘留五日的处罚决定"),
        ("gambling", CaseKind.Complex, "聚众赌博案", "已收缴赌资赌具，对组织者依法作出行政拘留十日并处罚款的决定"),
        ("public-order.noise", CaseKind.Simple, "制造噪声干扰他人生活案", "已当场警告并责令改正，违法行为人书面保证不再发生"),
    ];

    public static List<PublicSecurityCase> Build(
        IReadOnlyList<Incident> incidents,
        IReadOnlySet<Guid> stationUnits,
        DateTimeOffset now,
        string? officerId,
        string officerName,
        CaseLimitDays limits,
        int count = 24
    )
    {
        ArgumentNullException.ThrowIfNull(incidents);
        ArgumentNullException.ThrowIfNull(stationUnits);
        ArgumentNullException.ThrowIfNull(limits);
        var rng = new Random(DemoCounty.DefaultSeed ^ 0x2A5E);
        var picked = incidents
            .Where(i => stationUnits.Contains(i.OrgUnitId) && i.ReceivedAt > now.AddDays(-90) && i.ReceivedAt < now.AddHours(-3))
            .Select(i => (Incident: i, Kind: Kinds.FirstOrDefault(k => Code(i).StartsWith(k.Prefix, StringComparison.Ordinal))))
            .Where(x => x.Kind.Prefix is not null)
            .OrderByDescending(x => x.Incident.ReceivedAt)
            .Take(count)
            .ToList();
        int Limit(CaseKind kind) =>
            kind switch
            {
                CaseKind.Simple => limits.Simple,
                CaseKind.Complex => limits.Complex,
                _ => limits.General,
            };
        // The newest stays open and fresh; two older ones were registered late enough to be open still: one past three
        // quarters of its limit, one past the limit itself.
        var open = new Dictionary<int, double> { [0] = 0 };
        foreach (var share in new[] { 0.85, 1.25 })
        {
            var i = picked.FindIndex(x =>
                !open.ContainsKey(picked.IndexOf(x)) && x.Incident.ReceivedAt < now.AddDays(-Limit(x.Kind.Kind) * share).AddHours(-1)
            );
            if (i > 0)
                open[i] = share;
        }
        var cases = new List<PublicSecurityCase>(picked.Count);
        var perDay = new Dictionary<DateOnly, int>();
        for (var n = 0; n < picked.Count; n++)
        {
            var (incident, kind) = picked[n];
            var limit = Limit(kind.Kind);
            var registered = incident.ReceivedAt.AddHours(1 + rng.Next(3));
            if (open.TryGetValue(n, out var share))
            {
                // The fresh one is at most a third through its time; the others exactly as far as chosen above.
                var at = now.AddDays(-limit * (share > 0 ? share : 0.3));
                registered = share > 0 || registered < at ? at : registered;
            }
            if (registered > now)
                registered = now.AddMinutes(-10);
            var day = ChinaTime.Day(registered);
            perDay[day] = perDay.GetValueOrDefault(day) + 1;
            var c = PublicSecurityCase.Register(
                $"ZA{day:yyyyMMdd}{perDay[day]:D3}",
                kind.Title,
                kind.Kind,
                limit,
                incident.OrgUnitId,
                incident.Id,
                officerId,
                officerName,
                incident.Summary,
                registered
            );
            c.CreatedAt = registered;
            c.CreatedById = officerId;
            // The rest were done within their limit.
            var doneAt = registered.AddHours(limit * 24 * (0.3 + rng.NextDouble() * 0.6));
            if (!open.ContainsKey(n) && doneAt < now)
                c.Conclude(kind.Conclusion, doneAt);
            cases.Add(c);
        }
        return cases;
    }

    private static string Code(Incident i) => i.SubtypeCode ?? i.TypeCode ?? i.CategoryCode ?? "";
}
