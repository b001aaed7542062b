using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Volunteers.Tips;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers.Feed;

/// <summary>The volunteer feed (义警圈). Who sees what:
/// <list type="bullet">
/// <item>Staff (volunteers.read or feed.moderate) see every post of their scope, opinions included, and the posts of
/// the units above their own; hidden posts and comments only with feed.moderate.</item>
/// <item>An active volunteer sees the activity reports, notices and volunteer posts of their station's tree (the
/// station of their unit and everything below it) and of the units above it, and their own opinions.</item>
/// <item>Anyone else signed in (a resident) sees the notices of that tree around their account's unit and their own opinions.</item>
/// <item>Opinions are never shown to other residents or volunteers. Hidden posts and comments vanish for everyone
/// but moderators and their author, who sees the reason.</item>
/// </list>
/// Staff post notices and reports (volunteers.manage), active volunteers post volunteer posts, any signed-in account
/// posts an opinion, which is assigned to an officer, answered and closed (feed.moderate), the author told each time.</summary>
public sealed class FeedService(
    LianxinDbContext db,
    ICurrentUser user,
    PhotoStore photos,
    NotificationService notifications,
    IDatabaseErrors databaseErrors
)
{
    public const int MaxCommentLength = 500;

    private sealed record Viewer(
        string UserId,
        Participant Who,
        bool Staff,
        bool Moderator,
        DataScope Scope,
        List<string> Ancestors,
        string? TreePath
    );

    public async Task<PagedResult<FeedPostView>> ListAsync(FeedFilter f, PageRequest page, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        var q = Visible(v);
        if (f.Kind is { } kind)
        {
            if (!Enum.IsDefined(kind))
                throw new ValidationFailedException("kind", "帖子类型无效");
            q = q.Where(p => p.Kind == kind);
        }
        if (f.Mine == true)
            q = q.Where(p => p.CreatedById == v.UserId);
        if (f.OpinionQueue == true)
        {
            if (!v.Moderator)
                throw new ForbiddenException();
            q = q.Where(p => p.Kind == FeedPostKind.Opinion && p.ClosedAt == null);
        }
        if (f.AssignedToMe == true)
            q = q.Where(p => p.AssignedToUserId == v.UserId);
        if (f.HiddenOnly == true)
        {
            if (!v.Moderator)
                throw new ForbiddenException();
            q = q.Where(p => p.Hidden);
        }
        if (f.OrgUnitId is { } unit)
            q = await DataScope.UnderUnitAsync(q, db, unit, ct);
        var posts = await q.Include(p => p.OrgUnit).OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToPageAsync(page, ct);
        return await posts.SelectAsync(rows => ViewsAsync(v, rows, ct));
    }

    public async Task<FeedPostView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        var post = await Visible(v).Include(p => p.OrgUnit).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        return (await ViewsAsync(v, [post], ct))[0];
    }

    public async Task<FeedPost> CreateAsync(FeedPostInput input, IReadOnlyList<PhotoUpload>? uploads = null, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            throw new ValidationFailedException("kind", "请选择帖子类型");
        var checks = new Checks()
            .Optional("title", input.Title, "标题", TextLimits.Title)
            .Required("body", input.Body, "内容", TextLimits.Text);
        if (uploads is { Count: > PhotoStore.MaxPerOwner })
            checks.Add("photo", $"最多上传 {PhotoStore.MaxPerOwner} 张照片");
        checks.ThrowIfAny();
        Guid unitId;
        string author;
        switch (kind)
        {
            case FeedPostKind.Notice:
                user.Demand(Permissions.VolunteersManage);
                unitId = input.OrgUnitId ?? v.Who.AccountUnitId ?? throw new ValidationFailedException("orgUnitId", "请选择发布单位");
                var unit = await db.UnitInScopeAsync(v.Scope, unitId, ct);
                author = unit.Name;
                break;
            case FeedPostKind.VolunteerPost:
                if (!v.Who.IsActiveVolunteer)
                    throw new ForbiddenException("只有在册义警可以发布义警动态");
                unitId = v.Who.VolunteerUnitId!.Value;
                author = v.Who.ShownName;
                break;
            case FeedPostKind.Opinion:
                unitId = input.OrgUnitId ?? v.Who.HomeUnitId ?? throw new ValidationFailedException("orgUnitId", "请选择所在单位");
                if (!await db.OrgUnits.AnyAsync(u => u.Id == unitId && !u.IsRetired, ct))
                    throw new ValidationFailedException("orgUnitId", "单位不存在");
                author = v.Who.ShownName;
                break;
            default:
                throw new ValidationFailedException("kind", "活动报道由活动总结生成，不能在此发布");
        }
        var post = FeedPost.Write(unitId, kind, Trim(author, TextLimits.Name), Checks.Clean(input.Title), input.Body!);
        db.FeedPosts.Add(post);
        try
        {
            foreach (var u in uploads ?? [])
                await photos.AddAsync(PhotoOwner.FeedPost, post.Id, unitId, u.FileName, u.Content, v.UserId, ct);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            Forget(post.Id);
            throw;
        }
        if (kind == FeedPostKind.Opinion)
            await NotifyModeratorsAsync(post, ct);
        return post;
    }

    /// <summary>Adds a photo to one's own post (through the API; the phone pages send photos with the post).</summary>
    public async Task<Guid> AddPhotoAsync(Guid id, string fileName, Stream content, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        var post = await db.FeedPosts.FirstOrDefaultAsync(p => p.Id == id && p.CreatedById == v.UserId, ct)
            ?? throw new NotFoundException();
        try
        {
            var photo = await photos.AddAsync(PhotoOwner.FeedPost, post.Id, post.OrgUnitId, fileName, content, v.UserId, ct);
            await db.SaveChangesAsync(ct);
            return photo.Id;
        }
        catch
        {
            Forget(post.Id);
            throw;
        }
    }

    public async Task<(Photo Photo, byte[] Data)> PhotoAsync(Guid id, Guid photoId, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        if (!await Visible(v).AnyAsync(p => p.Id == id, ct))
            throw new NotFoundException();
        return await photos.ReadAsync(PhotoOwner.FeedPost, id, photoId, ct) ?? throw new NotFoundException();
    }

    public async Task<PagedResult<FeedCommentView>> CommentsAsync(Guid postId, PageRequest page, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        if (!await Visible(v).AnyAsync(p => p.Id == postId, ct))
            throw new NotFoundException();
        var q = db.FeedComments.AsNoTracking().Where(c => c.PostId == postId);
        if (!v.Moderator)
            q = q.Where(c => !c.Hidden || c.AuthorUserId == v.UserId);
        return (await q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToPageAsync(page, ct)).Select(c => new FeedCommentView(
            c.Id,
            c.AuthorName,
            c.Body,
            c.CreatedAt,
            c.AuthorUserId == v.UserId,
            c.Hidden,
            c.Hidden ? c.HiddenReason : null
        ));
    }

    public async Task<FeedCommentView> CommentAsync(Guid postId, FeedCommentInput input, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        var post = await Visible(v).AsNoTracking().FirstOrDefaultAsync(p => p.Id == postId, ct) ?? throw new NotFoundException();
        if (post.Kind == FeedPostKind.Opinion)
            throw new ValidationFailedException("postId", "社情民意由民警答复，不能评论");
        if (post.Hidden)
            throw new ConflictException("该帖子已被隐藏，不能评论");
        new Checks().Required("body", input.Body, "评论", MaxCommentLength).ThrowIfAny();
        var name = v.Staff && !v.Who.IsActiveVolunteer ? v.Who.DisplayName : v.Who.ShownName;
        var c = FeedComment.Write(postId, v.UserId, Trim(name, TextLimits.Name), input.Body!, db.Now);
        db.FeedComments.Add(c);
        await db.SaveChangesAsync(ct);
        return new FeedCommentView(c.Id, c.AuthorName, c.Body, c.CreatedAt, true, false, null);
    }

    /// <summary>Likes or unlikes a post; at most one like per account and post.</summary>
    public async Task<int> LikeAsync(Guid postId, bool like, CancellationToken ct = default)
    {
        var v = await ViewerAsync(ct);
        if (!await Visible(v).AnyAsync(p => p.Id == postId && !p.Hidden, ct))
            throw new NotFoundException();
        var mine = await db.FeedLikes.FirstOrDefaultAsync(l => l.PostId == postId && l.UserId == v.UserId, ct);
        if (like && mine is null)
        {
            db.FeedLikes.Add(
                new FeedLike
                {
                    PostId = postId,
                    UserId = v.UserId,
                    CreatedAt = db.Now,
                }
            );
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (databaseErrors.IsUniqueViolation(e))
            {
                // The same account liked it a moment ago from another device: one like stands. Any other failure is not hidden.
                foreach (var added in db.ChangeTracker.Entries<FeedLike>().Where(x => x.State == EntityState.Added).ToList())
                    added.State = EntityState.Detached;
            }
        }
        else if (!like && mine is not null)
        {
            db.FeedLikes.Remove(mine);
            await db.SaveChangesAsync(ct);
        }
        return await db.FeedLikes.CountAsync(l => l.PostId == postId, ct);
    }

    // ---------- Moderation ----------

    public async Task<FeedPost> HideAsync(Guid id, FeedStepInput input, bool hide, CancellationToken ct = default)
    {
        var (_, post) = await ForModerationAsync(id, input, ct);
        if (hide)
        {
            new Checks().Required("reason", input.Reason, "隐藏理由", TextLimits.Text).ThrowIfAny();
            post.Hide(input.Reason!, user.UserId, db.Now);
        }
        else
            post.Show();
        await db.SaveChangesAsync(ct);
        return post;
    }

    public async Task<FeedCommentView> HideCommentAsync(
        Guid postId,
        Guid commentId,
        FeedStepInput input,
        bool hide,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.FeedModerate);
        var v = await ViewerAsync(ct);
        if (!await Visible(v).AnyAsync(p => p.Id == postId, ct))
            throw new NotFoundException();
        var c = await db.FeedComments.FirstOrDefaultAsync(x => x.Id == commentId && x.PostId == postId, ct)
            ?? throw new NotFoundException();
        if (hide)
        {
            new Checks().Required("reason", input.Reason, "隐藏理由", TextLimits.Text).ThrowIfAny();
            c.Hide(input.Reason!, user.UserId, db.Now);
        }
        else
            c.Show();
        await db.SaveChangesAsync(ct);
        return new FeedCommentView(c.Id, c.AuthorName, c.Body, c.CreatedAt, c.AuthorUserId == v.UserId, c.Hidden, c.HiddenReason);
    }

    // ---------- Opinions ----------

    public async Task<FeedPost> AssignAsync(Guid id, FeedStepInput input, CancellationToken ct = default)
    {
        var (_, post) = await ForOpinionAsync(id, input, OpinionAction.Assign, ct);
        var assignee = Checks.Clean(input.AssigneeId) ?? throw new ValidationFailedException("assigneeId", "请选择承办民警");
        if (!(await AssigneeQueryAsync(post.OrgUnitId, ct)).Any(a => a.Id == assignee))
            throw new ValidationFailedException("assigneeId", "承办民警须是该单位或上级单位可处理社情民意的在用账号");
        post.Assign(assignee);
        await db.SaveChangesAsync(ct);
        await notifications.SendAsync(
            assignee,
            "社情民意待您办理",
            Trim(post.Title ?? post.Body, 60),
            "/volunteers/feed?queue=1",
            "warning",
            ct: ct
        );
        if (post.CreatedById is { } author)
            await notifications.SendAsync(author, "您反映的社情民意已分派民警办理", null, "/m/opinions", ct: ct);
        return post;
    }

    public async Task<FeedPost> AnswerAsync(Guid id, FeedStepInput input, CancellationToken ct = default)
    {
        var (_, post) = await ForOpinionAsync(id, input, OpinionAction.Answer, ct);
        new Checks().Required("answer", input.Answer, "答复", TextLimits.Text).ThrowIfAny();
        post.AnswerWith(input.Answer!, user.UserId, db.Now);
        await db.SaveChangesAsync(ct);
        if (post.CreatedById is { } author)
            await notifications.SendAsync(author, "您反映的社情民意有了答复", Trim(post.Answer, 60), "/m/opinions", ct: ct);
        return post;
    }

    public async Task<FeedPost> CloseOpinionAsync(Guid id, FeedStepInput input, CancellationToken ct = default)
    {
        var (_, post) = await ForOpinionAsync(id, input, OpinionAction.Close, ct);
        var answer = Checks.Clean(input.Answer);
        new Checks().Optional("answer", answer, "答复", TextLimits.Text).ThrowIfAny();
        post.Close(answer, db.Now);
        await db.SaveChangesAsync(ct);
        if (post.CreatedById is { } author)
            await notifications.SendAsync(author, "您反映的社情民意已办结", Trim(post.Answer, 60), "/m/opinions", ct: ct);
        return post;
    }

    public async Task<IReadOnlyList<FeedAssignee>> AssigneesAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.FeedModerate);
        var v = await ViewerAsync(ct);
        var post = await Visible(v).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException();
        return await AssigneeQueryAsync(post.OrgUnitId, ct);
    }

    /// <summary>Whether the caller is an active volunteer (who may post volunteer posts).</summary>
    public async Task<bool> IsActiveVolunteerAsync(CancellationToken ct = default) =>
        (await Participant.LoadAsync(db, user.UserId, ct))?.IsActiveVolunteer == true;

    // ---------- Helpers ----------

    private async Task<List<FeedAssignee>> AssigneeQueryAsync(Guid unitId, CancellationToken ct)
    {
        var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync(ct);
        var roles = BuiltInRoles.All.Where(r => r.Permissions.Contains(Permissions.FeedModerate)).Select(r => r.Name).ToList();
        var rows = await (
            from u in AccountsOver.WithRole(db, path, roles)
            join o in db.OrgUnits on u.OrgUnitId equals o.Id
            select new
            {
                u.Id,
                u.DisplayName,
                o.Name,
            }
        )
            .Take(100)
            .ToListAsync(ct);
        return rows.Select(r => new FeedAssignee(r.Id, r.DisplayName, r.Name)).OrderBy(r => r.DisplayName).ToList();
    }

    private async Task<Viewer> ViewerAsync(CancellationToken ct)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var who = await Participant.LoadAsync(db, me, ct) ?? throw new ForbiddenException("账号不可用");
        var staff = user.Has(Permissions.VolunteersRead) || user.Has(Permissions.FeedModerate);
        var scope = staff ? (await user.GetScopeAsync(ct)) with { OwnRecordsOf = null } : DataScope.Nothing;
        var tree = await Participant.TreeAsync(db, staff ? who.AccountUnitId : who.HomeUnitId, ct);
        return new Viewer(me, who, staff, user.Has(Permissions.FeedModerate), scope, tree?.Ancestors ?? [], tree?.TreePath);
    }

    /// <summary>The posts the viewer may see (see the class remarks).</summary>
    private IQueryable<FeedPost> Visible(Viewer v)
    {
        var me = v.UserId;
        var ancestors = v.Ancestors;
        var q = db.FeedPosts.AsNoTracking();
        if (v.Staff)
        {
            var inScope = v.Scope.Filter<FeedPost>();
            q = q.Where(inScope.OrElse(p => ancestors.Contains(p.OrgUnit!.Path) && p.Kind != FeedPostKind.Opinion));
        }
        else
        {
            var tree = v.TreePath;
            System.Linq.Expressions.Expression<Func<FeedPost, bool>> inTree = tree is null
                ? p => ancestors.Contains(p.OrgUnit!.Path)
                : p => ancestors.Contains(p.OrgUnit!.Path) || p.OrgUnit!.Path.StartsWith(tree);
            q = v.Who.IsActiveVolunteer
                ? q.Where(
                    inTree
                        .AndAlso(p =>
                            p.Kind == FeedPostKind.ActivityReport || p.Kind == FeedPostKind.Notice || p.Kind == FeedPostKind.VolunteerPost
                        )
                        .OrElse(p => p.Kind == FeedPostKind.Opinion && p.CreatedById == me)
                )
                : q.Where(
                    inTree.AndAlso(p => p.Kind == FeedPostKind.Notice).OrElse(p => p.Kind == FeedPostKind.Opinion && p.CreatedById == me)
                );
        }
        if (!v.Moderator)
            q = q.Where(p => !p.Hidden || p.CreatedById == me);
        return q;
    }

    private async Task<List<FeedPostView>> ViewsAsync(Viewer v, List<FeedPost> posts, CancellationToken ct)
    {
        var ids = posts.Select(p => p.Id).ToList();
        var likes = await db
            .FeedLikes.AsNoTracking()
            .Where(l => ids.Contains(l.PostId))
            .GroupBy(l => l.PostId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var mine = (
            await db
                .FeedLikes.AsNoTracking()
                .Where(l => ids.Contains(l.PostId) && l.UserId == v.UserId)
                .Select(l => l.PostId)
                .ToListAsync(ct)
        ).ToHashSet();
        var commentQuery = db.FeedComments.AsNoTracking().Where(c => ids.Contains(c.PostId));
        if (!v.Moderator)
            commentQuery = commentQuery.Where(c => !c.Hidden || c.AuthorUserId == v.UserId);
        var comments = await commentQuery
            .GroupBy(c => c.PostId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var photoRows = await db
            .Photos.AsNoTracking()
            .Where(p => p.OwnerKind == PhotoOwner.FeedPost && ids.Contains(p.OwnerId))
            .OrderBy(p => p.Id)
            .Select(p => new { p.OwnerId, p.Id })
            .ToListAsync(ct);
        var assigned = posts.Where(p => p.AssignedToUserId != null).Select(p => p.AssignedToUserId!).Distinct().ToList();
        var names = v.Staff
            ? await db.Users.AsNoTracking().Where(u => assigned.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)
            : [];
        return posts
            .Select(p =>
            {
                var own = p.CreatedById == v.UserId;
                return new FeedPostView(
                    p.Id,
                    p.Kind,
                    p.OrgUnitId,
                    p.OrgUnit?.Name,
                    p.AuthorName,
                    p.Title,
                    p.Body,
                    p.CreatedAt,
                    p.ActivityId,
                    photoRows.Where(r => r.OwnerId == p.Id).Select(r => r.Id).ToList(),
                    likes.GetValueOrDefault(p.Id),
                    mine.Contains(p.Id),
                    comments.GetValueOrDefault(p.Id),
                    own,
                    p.Hidden,
                    p.Hidden && (v.Moderator || own) ? p.HiddenReason : null,
                    v.Staff || own ? p.AssignedToUserId : null,
                    v.Staff && p.AssignedToUserId is { } a ? names.GetValueOrDefault(a) : null,
                    p.Answer,
                    p.AnsweredAt,
                    p.ClosedAt,
                    p.Version
                );
            })
            .ToList();
    }

    private async Task<(Viewer, FeedPost)> ForModerationAsync(Guid id, FeedStepInput input, CancellationToken ct)
    {
        user.Demand(Permissions.FeedModerate);
        var v = await ViewerAsync(ct);
        if (!await Visible(v).AnyAsync(p => p.Id == id, ct))
            throw new NotFoundException();
        var post = await db.FeedPosts.FirstAsync(p => p.Id == id, ct);
        Concurrency.Expect(db, post, input.Version);
        return (v, post);
    }

    private async Task<(Viewer, FeedPost)> ForOpinionAsync(Guid id, FeedStepInput input, OpinionAction action, CancellationToken ct)
    {
        var (v, post) = await ForModerationAsync(id, input, ct);
        post.Require(action);
        return (v, post);
    }

    private async Task NotifyModeratorsAsync(FeedPost post, CancellationToken ct)
    {
        foreach (var a in (await AssigneeQueryAsync(post.OrgUnitId, ct)).Take(20))
            await notifications.SendAsync(
                a.Id,
                "新的社情民意",
                Trim(post.Title ?? post.Body, 60),
                "/volunteers/feed?queue=1",
                "info",
                ct: ct
            );
    }

    private void Forget(Guid postId)
    {
        foreach (var e in db.ChangeTracker.Entries().ToList())
            if (
                e.State == EntityState.Added
                && (e.Entity is FeedPost p && p.Id == postId || e.Entity is Photo ph && ph.OwnerId == postId || e.Entity is PhotoContent)
            )
                e.State = EntityState.Detached;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}

internal static class FeedExpressions
{
    public static System.Linq.Expressions.Expression<Func<T, bool>> OrElse<T>(
        this System.Linq.Expressions.Expression<Func<T, bool>> a,
        System.Linq.Expressions.Expression<Func<T, bool>> b
    ) => Combine(a, b, System.Linq.Expressions.Expression.OrElse);

    public static System.Linq.Expressions.Expression<Func<T, bool>> AndAlso<T>(
        this System.Linq.Expressions.Expression<Func<T, bool>> a,
        System.Linq.Expressions.Expression<Func<T, bool>> b
    ) => Combine(a, b, System.Linq.Expressions.Expression.AndAlso);

    private static System.Linq.Expressions.Expression<Func<T, bool>> Combine<T>(
        System.Linq.Expressions.Expression<Func<T, bool>> a,
        System.Linq.Expressions.Expression<Func<T, bool>> b,
        Func<System.Linq.Expressions.Expression, System.Linq.Expressions.Expression, System.Linq.Expressions.BinaryExpression> op
    )
    {
        var p = a.Parameters[0];
        var right = new Swap(b.Parameters[0], p).Visit(b.Body);
        return System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(op(a.Body, right), p);
    }

    private sealed class Swap(System.Linq.Expressions.ParameterExpression from, System.Linq.Expressions.ParameterExpression to)
        : System.Linq.Expressions.ExpressionVisitor
    {
        protected override System.Linq.Expressions.Expression VisitParameter(System.Linq.Expressions.ParameterExpression node) =>
            node == from ? to : base.VisitParameter(node);
    }
}
