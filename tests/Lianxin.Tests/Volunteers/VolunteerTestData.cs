using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;

namespace Lianxin.Tests.Volunteers;

/// <summary>Volunteer records for tests, brought to the status a test needs through the record's own steps, so a
/// test cannot hold a record the domain could never produce.</summary>
public static class VolunteerTestData
{
    /// <summary>Applied at <paramref name="appliedAt"/>; accepted at <paramref name="joinedAt"/> (or when applied) unless the
    /// status is an applicant's or a declined one; then suspended, retired or declined.</summary>
    public static Volunteer InStatus(
        Guid unitId,
        string name,
        VolunteerStatus status,
        DateTimeOffset appliedAt,
        DateTimeOffset? joinedAt = null,
        string? userId = null,
        Gender gender = Gender.Unknown,
        ProtectedText? phone = null,
        List<string>? skills = null,
        VolunteerAvailability availability = VolunteerAvailability.None
    )
    {
        var (v, _) = Volunteer.Applying(
            userId,
            new VolunteerDetails(name, gender, phone ?? ProtectedText.Empty, ProtectedText.Empty, unitId, skills ?? [], availability),
            appliedAt
        );
        var joined = joinedAt ?? appliedAt;
        switch (status)
        {
            case VolunteerStatus.Declined:
                v.Decline("测试数据", null, appliedAt);
                break;
            case VolunteerStatus.Active or VolunteerStatus.Suspended or VolunteerStatus.Retired:
                v.Accept(null, joined);
                if (status == VolunteerStatus.Suspended)
                    v.Suspend("测试数据", null, joined);
                if (status == VolunteerStatus.Retired)
                    v.Retire("测试数据", null, joined);
                break;
        }
        Assert.Equal(status, v.Status);
        return v;
    }

    /// <summary>Takes an existing record to <paramref name="target"/> by the shortest path of steps the table allows
    /// (an application again uses what the record already holds).</summary>
    public static void Walk(Volunteer v, VolunteerStatus target, DateTimeOffset at)
    {
        var path = Path(v.Status, target) ?? throw new InvalidOperationException($"{v.Status} cannot reach {target}");
        foreach (var action in path)
        {
            if (action == VolunteerAction.Apply)
                v.Reapply(
                    new VolunteerDetails(v.Name, v.Gender, v.Phone, v.IdNumber, v.OrgUnitId, v.Skills, v.Availability, v.Statement),
                    null,
                    at
                );
            else
                v.Change(action, VolunteerStatusRules.NeedsReason(action) ? "测试数据" : null, null, at);
        }
    }

    private static List<VolunteerAction>? Path(VolunteerStatus from, VolunteerStatus to)
    {
        var seen = new Dictionary<VolunteerStatus, List<VolunteerAction>> { [from] = [] };
        var queue = new Queue<VolunteerStatus>([from]);
        while (queue.TryDequeue(out var s))
        {
            if (s == to)
                return seen[s];
            foreach (var action in VolunteerStatusRules.Allowed(s))
                if (VolunteerStatusRules.Next(s, action) is { } next && seen.TryAdd(next, [.. seen[s], action]))
                    queue.Enqueue(next);
        }
        return null;
    }
}
