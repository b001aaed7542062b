using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers.Activities;

/// <summary>The report written after an activity: it becomes a post of kind <see cref="FeedPostKind.ActivityReport"/>
/// in the volunteer feed, linked by <see cref="FeedPost.ActivityId"/>, and its photos belong to that post
/// (<see cref="PhotoOwner.FeedPost"/>) so the feed shows them like any post's. Written by staff who may
/// manage the activity, or by a squad leader (or deputy) who took part in it.</summary>
public sealed class ActivityReportService(LianxinDbContext db, ICurrentUser user, PhotoStore photos)
{
    public async Task<ReportView> WriteAsync(
        Guid activityId,
        ReportInput input,
        IReadOnlyList<PhotoUpload> files,
        CancellationToken ct = default
    )
    {
        var (a, author) = await AuthorAsync(activityId, ct);
        var body = Checks.Clean(input.Body) ?? throw new ValidationFailedException("body", "请写几句活动情况");
        if (body.Length > TextLimits.Text)
            throw new ValidationFailedException("body", $"报道不能超过 {TextLimits.Text} 个字");
        var title = Checks.Clean(input.Title) ?? $"{a.Kind.Label()}｜{a.Title}";
        if (title.Length > TextLimits.Title)
            throw new ValidationFailedException("title", $"标题不能超过 {TextLimits.Title} 个字");
        if (files.Count > PhotoStore.MaxPerOwner)
            throw new ValidationFailedException("photo", $"最多上传 {PhotoStore.MaxPerOwner} 张照片");
        a.Require(ActivityAction.WriteReport);
        if (a.ReportPostId is not null)
            throw new ConflictException("这个活动已经有报道了");
        var post = FeedPost.Write(a.OrgUnitId, FeedPostKind.ActivityReport, author, title, body, a.Id);
        db.FeedPosts.Add(post);
        var added = new List<Guid>();
        foreach (var f in files)
            added.Add((await photos.AddAsync(PhotoOwner.FeedPost, post.Id, a.OrgUnitId, f.FileName, f.Content, user.UserId, ct)).Id);
        a.ReportPostId = post.Id;
        await db.SaveChangesAsync(ct);
        return new ReportView(post.Id, a.Id, author, title, body, post.CreatedAt, added);
    }

    /// <summary>Finished activities without a report that the caller, as a squad leader or deputy who took part,
    /// may write up — the phone's list of reports to write, newest first. Empty for anyone else.</summary>
    public async Task<IReadOnlyList<ReportDue>> DueForMeAsync(int max = 20, CancellationToken ct = default)
    {
        if (await VolunteerAsync(ct) is not { Status: VolunteerStatus.Active } v)
            return [];
        var leads = await db
            .SquadMembers.AsNoTracking()
            .AnyAsync(m => m.VolunteerId == v.Id && (m.Role == SquadRole.Leader || m.Role == SquadRole.DeputyLeader), ct);
        if (!leads)
            return [];
        var rows = await db
            .ActivitySignups.AsNoTracking()
            .Where(s =>
                s.VolunteerId == v.Id
                && s.Status == SignupStatus.Approved
                && s.Activity!.Status == ActivityStatus.Finished
                && s.Activity.ReportPostId == null
            )
            .OrderByDescending(s => s.Activity!.StartsAt)
            .ThenBy(s => s.ActivityId)
            .Take(Math.Clamp(max, 1, 100))
            .Select(s => new ReportDue(
                s.ActivityId,
                s.Activity!.Kind,
                s.Activity.Title,
                s.Activity.Place,
                s.Activity.StartsAt,
                s.Activity.EndsAt
            ))
            .ToListAsync(ct);
        var due = new List<ReportDue>();
        foreach (var r in rows)
            if (await FitsAsync(v, r.ActivityId, ct))
                due.Add(r);
        return due;
    }

    /// <summary>Whether the caller may write this activity's report now (finished, none written yet, and the
    /// caller is its organiser in scope or a squad leader who took part).</summary>
    public async Task<bool> MayWriteAsync(Guid activityId, CancellationToken ct = default)
    {
        try
        {
            var (a, _) = await AuthorAsync(activityId, ct);
            return a.Status == ActivityStatus.Finished && a.ReportPostId is null;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    public async Task<ReportView?> GetAsync(Guid activityId, CancellationToken ct = default)
    {
        await VisibleAsync(activityId, ct);
        var post = await db
            .FeedPosts.AsNoTracking()
            .FirstOrDefaultAsync(p => p.ActivityId == activityId && p.Kind == FeedPostKind.ActivityReport && !p.Hidden, ct);
        if (post is null)
            return null;
        var ids = await db
            .Photos.AsNoTracking()
            .Where(p => p.OwnerKind == PhotoOwner.FeedPost && p.OwnerId == post.Id)
            .OrderBy(p => p.Id)
            .Select(p => p.Id)
            .ToListAsync(ct);
        return new ReportView(post.Id, activityId, post.AuthorName, post.Title, post.Body, post.CreatedAt, ids);
    }

    public async Task<(Photo Photo, byte[] Data)> PhotoAsync(Guid activityId, Guid photoId, CancellationToken ct = default)
    {
        await VisibleAsync(activityId, ct);
        var postId = await db
            .FeedPosts.AsNoTracking()
            .Where(p => p.ActivityId == activityId && p.Kind == FeedPostKind.ActivityReport && !p.Hidden)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return await photos.ReadAsync(PhotoOwner.FeedPost, postId, photoId, ct) ?? throw new NotFoundException();
    }

    /// <summary>Staff who can read volunteers see activities in scope; an active volunteer sees those meant for them.</summary>
    private async Task VisibleAsync(Guid activityId, CancellationToken ct)
    {
        if (user.Has(Permissions.VolunteersRead))
        {
            var scope = await user.GetScopeAsync(ct);
            if (await db.Activities.AsNoTracking().Where(scope.Filter<Activity>()).AnyAsync(a => a.Id == activityId, ct))
                return;
        }
        if (await VolunteerAsync(ct) is { Status: VolunteerStatus.Active } v && await FitsAsync(v, activityId, ct))
            return;
        throw new NotFoundException();
    }

    private async Task<(Activity, string)> AuthorAsync(Guid activityId, CancellationToken ct)
    {
        if (user.Has(Permissions.VolunteersManage))
        {
            var scope = await user.GetScopeAsync(ct);
            var a = await db.Activities.Where(scope.Filter<Activity>()).FirstOrDefaultAsync(x => x.Id == activityId, ct);
            if (a is not null)
            {
                var unitName = await db.OrgUnits.AsNoTracking().Where(u => u.Id == a.OrgUnitId).Select(u => u.Name).FirstAsync(ct);
                return (a, unitName);
            }
        }
        var v = await VolunteerAsync(ct);
        if (v is not { Status: VolunteerStatus.Active } || !await FitsAsync(v, activityId, ct))
            throw new NotFoundException();
        var leads = await db
            .SquadMembers.AsNoTracking()
            .AnyAsync(m => m.VolunteerId == v.Id && (m.Role == SquadRole.Leader || m.Role == SquadRole.DeputyLeader), ct);
        var tookPart = await db
            .ActivitySignups.AsNoTracking()
            .AnyAsync(s => s.ActivityId == activityId && s.VolunteerId == v.Id && s.Status == SignupStatus.Approved, ct);
        if (!leads || !tookPart)
            throw new ForbiddenException("活动报道由组织者或参加了活动的中队长撰写");
        return (await db.Activities.FirstAsync(x => x.Id == activityId, ct), v.Name);
    }

    private async Task<Volunteer?> VolunteerAsync(CancellationToken ct) =>
        user.UserId is { } me ? await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(x => x.UserId == me, ct) : null;

    private async Task<bool> FitsAsync(Volunteer v, Guid activityId, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == v.OrgUnitId).Select(u => u.Path).FirstAsync(ct);
        var chain = OrgUnit.ChainOf(path);
        var squads = await db.SquadMembers.AsNoTracking().Where(m => m.VolunteerId == v.Id).Select(m => m.SquadId).ToListAsync(ct);
        return await db
            .Activities.AsNoTracking()
            .AnyAsync(
                a =>
                    a.Id == activityId
                    && a.Status != ActivityStatus.Draft
                    && chain.Contains(a.OrgUnitId)
                    && (a.OpenToAll || db.ActivitySquads.Any(t => t.ActivityId == a.Id && squads.Contains(t.SquadId))),
                ct
            );
    }
}
