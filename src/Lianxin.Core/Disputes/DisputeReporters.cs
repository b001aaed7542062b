using Lianxin.Core.Access;

namespace Lianxin.Core.Disputes;

/// <summary>Who only follows their own reports: a scope of own records alone and no right to mediate (the informant
/// role). They see the status and outcome of what they reported (<see cref="ReportedDispute"/>), never the parties'
/// details nor the mediation records (sessions, agreement, referrals, timeline).</summary>
public static class DisputeReporters
{
    public static bool FollowsOwnReportsOnly(this ICurrentUser user, DataScope scope) =>
        !user.Has(Permissions.DisputesMediate)
        && !scope.All
        && scope.SubtreePaths.Count == 0
        && scope.Units.Count == 0
        && scope.OwnRecordsOf is not null;

    /// <summary>The scope for a dispute's mediation records: the caller's, or nothing for someone who only follows
    /// their own reports.</summary>
    public static async Task<DataScope> RecordScopeAsync(this ICurrentUser user, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        return user.FollowsOwnReportsOnly(scope) ? DataScope.Nothing : scope;
    }
}
