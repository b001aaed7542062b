using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Core.Work;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers;

/// <summary>The volunteers' share of "my work today": tips waiting to be judged or checked
/// (<see cref="Permissions.TipsHandle"/>), residents' opinions not yet answered (<see cref="Permissions.FeedModerate"/>,
/// those answered and not closed wait on nobody), and applications to join waiting for a decision
/// (<see cref="Permissions.VolunteersManage"/>). Oldest first: each has waited longest.</summary>
public sealed class VolunteerWorkItems(LianxinDbContext db, ICurrentUser user) : IWorkItemSource
{
    public static readonly WorkItemKind TipToCheck = new("tip", "线索待核查", 50);
    public static readonly WorkItemKind OpinionToAnswer = new("opinion", "社情民意待答复", 60);
    public static readonly WorkItemKind Application = new("volunteer-application", "义警申请待审核", 70);

    public IReadOnlyList<WorkItemKind> Kinds =>
        [
            .. user.Has(Permissions.TipsHandle) ? [TipToCheck] : Array.Empty<WorkItemKind>(),
            .. user.Has(Permissions.FeedModerate) ? [OpinionToAnswer] : Array.Empty<WorkItemKind>(),
            .. user.Has(Permissions.VolunteersManage) ? [Application] : Array.Empty<WorkItemKind>(),
        ];

    public async Task<IReadOnlyList<WorkItemGroup>> TodayAsync(WorkQuery query, CancellationToken ct)
    {
        var kinds = Kinds;
        var groups = new List<WorkItemGroup>();
        if (kinds.Contains(TipToCheck) && query.Wants(TipToCheck))
            groups.Add(
                await Tips(query)
                    .GroupAsync(
                        TipToCheck,
                        query,
                        q =>
                            q.OrderBy(t => t.CreatedAt)
                                .Select(t => new
                                {
                                    t.Id,
                                    t.Number,
                                    t.Status,
                                    t.OrgUnitId,
                                    t.CreatedAt,
                                }),
                        t => new WorkItem(
                            TipToCheck.Key,
                            t.Id,
                            $"线索 {t.Number}",
                            t.Number,
                            $"{t.Status.Label()}，{Received(t.CreatedAt)} 收到",
                            null,
                            false,
                            t.OrgUnitId,
                            $"/volunteers/tips/{t.Id}"
                        ),
                        ct
                    )
            );
        if (kinds.Contains(OpinionToAnswer) && query.Wants(OpinionToAnswer))
            groups.Add(
                await Opinions(query)
                    .GroupAsync(
                        OpinionToAnswer,
                        query,
                        q =>
                            q.OrderBy(p => p.CreatedAt)
                                .Select(p => new
                                {
                                    p.Id,
                                    p.Title,
                                    p.AuthorName,
                                    p.AssignedToUserId,
                                    p.OrgUnitId,
                                    p.CreatedAt,
                                }),
                        p => new WorkItem(
                            OpinionToAnswer.Key,
                            p.Id,
                            string.IsNullOrWhiteSpace(p.Title) ? $"{p.AuthorName}的意见" : p.Title,
                            null,
                            (
                                p.AssignedToUserId == query.UserId ? "分派给我，"
                                : p.AssignedToUserId is null ? "待分派，"
                                : "已分派，"
                            ) + $"{Received(p.CreatedAt)} 提出",
                            null,
                            false,
                            p.OrgUnitId,
                            "/volunteers/feed?queue=1"
                        ),
                        ct
                    )
            );
        if (kinds.Contains(Application) && query.Wants(Application))
            groups.Add(
                await Applications(query)
                    .GroupAsync(
                        Application,
                        query,
                        q =>
                            q.OrderBy(v => v.AppliedAt)
                                .Select(v => new
                                {
                                    v.Id,
                                    v.Name,
                                    v.OrgUnitId,
                                    v.AppliedAt,
                                }),
                        v => new WorkItem(
                            Application.Key,
                            v.Id,
                            v.Name,
                            null,
                            $"{Received(v.AppliedAt)} 申请加入义警",
                            null,
                            false,
                            v.OrgUnitId,
                            $"/volunteers/{v.Id}"
                        ),
                        ct
                    )
            );
        return groups;
    }

    public async Task<IReadOnlyList<WorkUnitCount>> CountByUnitAsync(WorkQuery query, CancellationToken ct)
    {
        var kinds = Kinds;
        var counts = new List<WorkUnitCount>();
        if (kinds.Contains(TipToCheck))
            counts.AddRange(await Tips(query).CountByUnitAsync(TipToCheck, ct));
        if (kinds.Contains(OpinionToAnswer))
            counts.AddRange(await Opinions(query).CountByUnitAsync(OpinionToAnswer, ct));
        if (kinds.Contains(Application))
            counts.AddRange(await Applications(query).CountByUnitAsync(Application, ct));
        return counts;
    }

    private static string Received(DateTimeOffset at) =>
        at.ToOffset(ChinaTime.Offset).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Through the (Status, CreatedAt) index.</summary>
    private IQueryable<Tip> Tips(WorkQuery query) =>
        db.Tips.AsNoTracking().InScope(query).Where(t => t.Status == TipStatus.Received || t.Status == TipStatus.Checking);

    /// <summary>Through the (Kind, AssignedToUserId, ClosedAt) index; hidden posts are the moderators' other work.</summary>
    private IQueryable<FeedPost> Opinions(WorkQuery query) =>
        db
            .FeedPosts.AsNoTracking()
            .InScope(query)
            .Where(p => p.Kind == FeedPostKind.Opinion && p.ClosedAt == null && p.Answer == null && !p.Hidden);

    /// <summary>Through the (OrgUnitId, Status) index.</summary>
    private IQueryable<Volunteer> Applications(WorkQuery query) =>
        db.Volunteers.AsNoTracking().InScope(query).Where(v => v.Status == VolunteerStatus.Applicant);
}
