using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Feed;
using Lianxin.Web.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lianxin.Web.Volunteers;

public static class FeedEndpoints
{
    public static void MapFeedApi(this RouteGroupBuilder api)
    {
        // Signed-in accounts only; who sees and does what is decided per post by the service (see FeedService).
        var g = api.MapGroup("/volunteers/feed").WithTags("义警圈").ProducesSignInProblems();
        var moderate = PermissionPolicyProvider.PolicyFor(Permissions.FeedModerate);
        g.MapGet("/", List)
            .WithName("ListFeed")
            .ProducesQueryProblems()
            .WithSummary(
                "义警圈（分页）：义警看到本所辖区的活动报道、通知和义警动态；群众看到通知和自己反映的社情民意；民警看到管辖范围内全部"
            )
            .WithDescription(
                "opinionQueue=true 为待办社情民意（需 feed.moderate）；hiddenOnly=true 为已隐藏的帖子（需 feed.moderate）；mine=true 为本人发布的。"
            );
        g.MapGet("/{id:guid}", Get)
            .WithName("GetFeedPost")
            .ProducesRecordProblems()
            .WithSummary("帖子详情（含点赞、评论数、照片编号；社情民意含办理情况）");
        g.MapPost("/", Create)
            .Idempotent()
            .WithName("CreateFeedPost")
            .ProducesCreateProblems()
            .WithSummary(
                "发帖：kind=Notice 通知（需 volunteers.manage）、VolunteerPost 义警动态（在册义警）、Opinion 社情民意（登录即可）"
            );
        g.MapPost("/{id:guid}/photos", AddPhoto)
            .WithName("AddFeedPhoto")
            .ProducesUploadProblems()
            .ProducesChangeProblems()
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoStore.MaxBytes + 256 * 1024))
            .WithSummary(
                $"给本人的帖子加一张照片（multipart/form-data，字段名 photo；JPG/PNG/WebP，不超过 {Uploads.Size(PhotoStore.MaxBytes)}，"
                    + $"每帖最多 {PhotoStore.MaxPerOwner} 张）"
            );
        g.MapGet("/{id:guid}/photos/{photoId:guid}", Photo)
            .WithName("GetFeedPhoto")
            .WithSummary("帖子照片")
            .ProducesRecordProblems()
            .ProducesFile(Downloads.PhotoTypes);
        g.MapGet("/{id:guid}/comments", Comments)
            .WithName("ListFeedComments")
            .ProducesQueryProblems()
            .WithSummary("评论（分页，按时间先后）");
        g.MapPost("/{id:guid}/comments", Comment)
            .WithName("CommentOnFeedPost")
            .WithSummary("评论（不超过 500 字；社情民意不能评论）")
            .ProducesChangeProblems();
        g.MapPost("/{id:guid}/like", Like)
            .WithName("LikeFeedPost")
            .ProducesChangeProblems()
            .WithSummary("点赞（每个账号每帖一次，重复点赞不累加）");
        g.MapDelete("/{id:guid}/like", Unlike).WithName("UnlikeFeedPost").ProducesChangeProblems().WithSummary("取消点赞");
        g.MapPost("/{id:guid}/hide", Hide)
            .RequireAuthorization(moderate)
            .WithName("HideFeedPost")
            .ProducesChangeProblems()
            .WithSummary("隐藏帖子（须写理由，记入审计日志；隐藏后除管理者和作者外均不可见）；须带 version");
        g.MapPost("/{id:guid}/unhide", Unhide)
            .RequireAuthorization(moderate)
            .WithName("UnhideFeedPost")
            .WithSummary("恢复显示帖子；须带 version")
            .ProducesChangeProblems();
        g.MapPost("/{id:guid}/comments/{commentId:guid}/hide", HideComment)
            .RequireAuthorization(moderate)
            .WithName("HideFeedComment")
            .ProducesChangeProblems()
            .WithSummary("隐藏评论（须写理由，记入审计日志）");
        g.MapPost("/{id:guid}/comments/{commentId:guid}/unhide", UnhideComment)
            .RequireAuthorization(moderate)
            .WithName("UnhideFeedComment")
            .ProducesChangeProblems()
            .WithSummary("恢复显示评论");
        g.MapGet("/{id:guid}/assignees", Assignees)
            .RequireAuthorization(moderate)
            .WithName("ListOpinionAssignees")
            .ProducesRecordProblems()
            .WithSummary("社情民意可分派的民警（该单位及上级单位可处理社情民意的账号）");
        g.MapPost("/{id:guid}/assign", Assign)
            .RequireAuthorization(moderate)
            .WithName("AssignOpinion")
            .ProducesChangeProblems()
            .WithSummary("分派社情民意给民警（assigneeId）；须带 version；民警和反映人收到通知");
        g.MapPost("/{id:guid}/answer", Answer)
            .RequireAuthorization(moderate)
            .WithName("AnswerOpinion")
            .ProducesChangeProblems()
            .WithSummary("答复社情民意（answer）；须带 version；反映人收到通知");
        g.MapPost("/{id:guid}/close", Close)
            .RequireAuthorization(moderate)
            .WithName("CloseOpinion")
            .ProducesChangeProblems()
            .WithSummary("办结社情民意（须已答复，或同时给出 answer）；须带 version；反映人收到通知");
    }

    private static async Task<Ok<PagedResult<FeedPostView>>> List(
        [AsParameters] FeedFilter filter,
        [AsParameters] PageQuery page,
        FeedService feed,
        CancellationToken ct
    ) => TypedResults.Ok(await feed.ListAsync(filter, page.ToRequest(), ct));

    private static async Task<Ok<FeedPostView>> Get(Guid id, FeedService feed, CancellationToken ct) =>
        TypedResults.Ok(await feed.GetAsync(id, ct));

    private static async Task<Created<FeedPostView>> Create(FeedPostInput input, FeedService feed, CancellationToken ct)
    {
        var post = await feed.CreateAsync(input, null, ct);
        return TypedResults.Created($"/api/v1/volunteers/feed/{post.Id}", await feed.GetAsync(post.Id, ct));
    }

    private static async Task<Created<FeedPostView>> AddPhoto(Guid id, HttpRequest request, FeedService feed, CancellationToken ct)
    {
        var (file, _) = await Uploads.SingleAsync(request, Uploads.Photo, ct);
        await using var stream = file.OpenReadStream();
        var photoId = await feed.AddPhotoAsync(id, file.FileName, stream, ct);
        return TypedResults.Created($"/api/v1/volunteers/feed/{id}/photos/{photoId}", await feed.GetAsync(id, ct));
    }

    private static async Task<IResult> Photo(Guid id, Guid photoId, HttpContext http, FeedService feed, CancellationToken ct)
    {
        var (photo, data) = await feed.PhotoAsync(id, photoId, ct);
        return Downloads.Sandboxed(http, data, photo.ContentType);
    }

    private static async Task<Ok<PagedResult<FeedCommentView>>> Comments(
        Guid id,
        [AsParameters] PageQuery page,
        FeedService feed,
        CancellationToken ct
    ) => TypedResults.Ok(await feed.CommentsAsync(id, page.ToRequest(), ct));

    private static async Task<Created<FeedCommentView>> Comment(Guid id, FeedCommentInput input, FeedService feed, CancellationToken ct)
    {
        var c = await feed.CommentAsync(id, input, ct);
        return TypedResults.Created($"/api/v1/volunteers/feed/{id}/comments", c);
    }

    public sealed record LikeResult(int Likes, bool Liked);

    private static async Task<Ok<LikeResult>> Like(Guid id, FeedService feed, CancellationToken ct) =>
        TypedResults.Ok(new LikeResult(await feed.LikeAsync(id, true, ct), true));

    private static async Task<Ok<LikeResult>> Unlike(Guid id, FeedService feed, CancellationToken ct) =>
        TypedResults.Ok(new LikeResult(await feed.LikeAsync(id, false, ct), false));

    private static async Task<Ok<FeedPostView>> Hide(Guid id, FeedStepInput input, FeedService feed, CancellationToken ct)
    {
        await feed.HideAsync(id, input, true, ct);
        return TypedResults.Ok(await feed.GetAsync(id, ct));
    }

    private static async Task<Ok<FeedPostView>> Unhide(Guid id, FeedStepInput input, FeedService feed, CancellationToken ct)
    {
        await feed.HideAsync(id, input, false, ct);
        return TypedResults.Ok(await feed.GetAsync(id, ct));
    }

    private static async Task<Ok<FeedCommentView>> HideComment(
        Guid id,
        Guid commentId,
        FeedStepInput input,
        FeedService feed,
        CancellationToken ct
    ) => TypedResults.Ok(await feed.HideCommentAsync(id, commentId, input, true, ct));

    private static async Task<Ok<FeedCommentView>> UnhideComment(
        Guid id,
        Guid commentId,
        FeedStepInput input,
        FeedService feed,
        CancellationToken ct
    ) => TypedResults.Ok(await feed.HideCommentAsync(id, commentId, input, false, ct));

    private static async Task<Ok<IReadOnlyList<FeedAssignee>>> Assignees(Guid id, FeedService feed, CancellationToken ct) =>
        TypedResults.Ok(await feed.AssigneesAsync(id, ct));

    private static async Task<Ok<FeedPostView>> Assign(Guid id, FeedStepInput input, FeedService feed, CancellationToken ct)
    {
        await feed.AssignAsync(id, input, ct);
        return TypedResults.Ok(await feed.GetAsync(id, ct));
    }

    private static async Task<Ok<FeedPostView>> Answer(Guid id, FeedStepInput input, FeedService feed, CancellationToken ct)
    {
        await feed.AnswerAsync(id, input, ct);
        return TypedResults.Ok(await feed.GetAsync(id, ct));
    }

    private static async Task<Ok<FeedPostView>> Close(Guid id, FeedStepInput input, FeedService feed, CancellationToken ct)
    {
        await feed.CloseOpinionAsync(id, input, ct);
        return TypedResults.Ok(await feed.GetAsync(id, ct));
    }
}
