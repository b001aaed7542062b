using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>The incidents linked to a dispute (their <c>DisputeId</c>): those in the viewer's scope listed, the others
/// only counted, so a dispute shared across units names no incident its viewer may not open.</summary>
public static class DisputeIncidents
{
    /// <summary>Most incidents listed; a dispute with more shows the newest.</summary>
    public const int MaxListed = 200;

    public static async Task<(IReadOnlyList<DisputeIncidentView> Shown, int Hidden)> ReadAsync(
        LianxinDbContext db,
        DataScope scope,
        Guid disputeId,
        CancellationToken ct
    )
    {
        var linked = db.Incidents.AsNoTracking().Where(i => i.DisputeId == disputeId);
        var shown = await linked
            .Where(scope.Filter<Incident>())
            .OrderByDescending(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .Take(MaxListed)
            .Select(i => new DisputeIncidentView(i.Id, i.Number, i.ReceivedAt, i.Summary))
            .ToListAsync(ct);
        var all = await linked.CountAsync(ct);
        var inScope = shown.Count < MaxListed ? shown.Count : await linked.Where(scope.Filter<Incident>()).CountAsync(ct);
        return (shown.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Id).ToList(), all - inScope);
    }

    /// <summary>The disputes related to this one either way (<see cref="Dispute.RelatedDisputeId"/>) within the viewer's
    /// scope, the earlier first.</summary>
    public static async Task<IReadOnlyList<RelatedDisputeView>> RelatedAsync(
        LianxinDbContext db,
        DataScope scope,
        Dispute d,
        CancellationToken ct
    )
    {
        var earlier = d.RelatedDisputeId;
        var rows = await db
            .Disputes.AsNoTracking()
            .Where(scope.Filter<Dispute>())
            .Where(x => x.Id == earlier || x.RelatedDisputeId == d.Id)
            .OrderBy(x => x.RegisteredAt)
            .ThenBy(x => x.Id)
            .Take(MaxListed)
            .Select(x => new
            {
                x.Id,
                x.Number,
                x.Title,
                x.Status,
            })
            .ToListAsync(ct);
        return rows.Select(x => new RelatedDisputeView(x.Id, x.Number, x.Title, x.Status, x.Id == earlier)).ToList();
    }
}
