using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianxin.Core.Disputes;

/// <summary>The one place a dispute's risk is graded against the records around it: the 110 incidents linked to
/// it, the incidents linked to earlier disputes at the same place (the parties' earlier quarrels, matched by the
/// address key as the failed ones are), and those earlier disputes whose mediation failed. Registration, every
/// step, every referral answer and every path that links incidents to a dispute call it, so the grade and its
/// factors never lag behind; a grade that moves is noted on the dispute's timeline with its cause.</summary>
public static class DisputeRiskGrader
{
    /// <summary>Cause named on the timeline when incidents were linked to the dispute or unlinked from it.</summary>
    public const string LinkedIncidentsCause = "关联的 110 警情有变化";

    /// <summary>Grades the dispute (tracked) and records the grade; returns whether it has just turned red.
    /// The caller saves.</summary>
    public static async Task<bool> GradeAsync(LianxinDbContext db, Dispute d, string? by, string? cause, CancellationToken ct)
    {
        var assessment = Grade(d, await HistoryAsync(db, d, ct), db.Now);
        return d.RecordRisk(assessment, db.Now, by, cause);
    }

    /// <summary>What the grade reads; the same for the stored grade and the factors a page shows.</summary>
    public static RiskAssessment Grade(Dispute d, RiskHistory history, DateTimeOffset now) => new RiskGrader().Grade(d, history, now);

    /// <summary>Regrades, before the caller's save, every dispute whose linked incidents change in that save (an
    /// incident turned into a dispute, linked by an edit, moved to another dispute or unlinked). The counts are the
    /// stored links with the pending ones applied, so the grade is saved with the links, in the same transaction.
    /// Returns the disputes that have just turned red, for the caller to tell the station leaders.</summary>
    public static async Task<IReadOnlyList<Dispute>> RegradeLinkedAsync(LianxinDbContext db, string? by, CancellationToken ct)
    {
        var moves = db
            .ChangeTracker.Entries<Incident>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => (Before: Original(e), After: e.State == EntityState.Deleted ? null : e.Entity.DisputeId))
            .Where(m => m.Before != m.After)
            .ToList();
        var ids = moves.SelectMany(m => new[] { m.Before, m.After }).OfType<Guid>().Distinct().ToList();
        var red = new List<Dispute>();
        foreach (var id in ids)
        {
            var d = await db.Disputes.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (d is null)
                continue;
            var pending = moves.Count(m => m.After == id) - moves.Count(m => m.Before == id);
            var history = await HistoryAsync(db, d, ct);
            history = history with { EarlierIncidentsBetweenParties = Math.Max(0, history.EarlierIncidentsBetweenParties + pending) };
            if (d.RecordRisk(Grade(d, history, db.Now), db.Now, by ?? "system", LinkedIncidentsCause))
                red.Add(d);
            // The timeline may have grown: the dispute's version moves with it.
            db.Entry(d).Property(x => x.UpdatedAt).IsModified = true;
        }
        return red;
    }

    /// <summary>The records around a dispute, as stored: incidents linked to it (calls between these parties),
    /// incidents linked to the disputes registered before it at the same place, and failed disputes there.</summary>
    public static async Task<RiskHistory> HistoryAsync(LianxinDbContext db, Dispute d, CancellationToken ct)
    {
        var id = d.Id;
        var linked = await db.Incidents.AsNoTracking().CountAsync(i => i.DisputeId == id, ct);
        if (string.IsNullOrEmpty(d.AddressKey))
            return new RiskHistory(EarlierIncidentsBetweenParties: linked);
        var key = d.AddressKey;
        var registered = d.RegisteredAt;
        var others = db.Disputes.AsNoTracking().Where(x => x.Id != id && x.AddressKey == key);
        var failed = await others.CountAsync(x => x.Status == DisputeStatus.Failed, ct);
        var earlier = others.Where(x => x.RegisteredAt < registered).Select(x => (Guid?)x.Id);
        var atAddress = await db.Incidents.AsNoTracking().CountAsync(i => i.DisputeId != null && earlier.Contains(i.DisputeId), ct);
        return new RiskHistory(atAddress, linked, failed);
    }

    /// <summary>A dispute turning red tells the leaders of its station at once.</summary>
    public static async Task NotifyRedAsync(LianxinDbContext db, NotificationService notifications, Dispute d, CancellationToken ct)
    {
        foreach (var leader in await Access.AccountsOver.IdsWithRoleAsync(db, d.OrgUnitId, Access.BuiltInRoles.StationLeader, ct))
            await notifications.SendAsync(
                leader,
                $"红色预警：{d.Title}",
                $"纠纷 {d.Number} 风险升为红色，请立即关注。",
                $"/disputes/{d.Id}",
                "error",
                ct: ct
            );
    }

    private static Guid? Original(EntityEntry<Incident> e) =>
        e.State == EntityState.Added ? null : e.OriginalValues.GetValue<Guid?>(nameof(Incident.DisputeId));
}
