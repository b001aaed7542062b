using System.Diagnostics.CodeAnalysis;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers.Feed;

namespace Lianxin.Core.Volunteers;

/// <summary>A post in the volunteer feed (义警圈): an activity report, a resident's opinion (社情民意)
/// or a notice. Opinions are routed to an officer, answered and closed.</summary>
public sealed class FeedPost : Entity, IScoped
{
    private FeedPost() { }

    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }
    public FeedPostKind Kind { get; private set; }

    /// <summary>Name shown with the post (a volunteer's or the station's); never a phone or ID number.</summary>
    public string AuthorName { get; private set; } = "";
    public string? Title { get; private set; }
    public string Body { get; private set; } = "";

    /// <summary>For an activity report: the activity it reports on.</summary>
    public Guid? ActivityId { get; private set; }

    public bool Hidden { get; private set; }
    public string? HiddenReason { get; private set; }
    public string? HiddenById { get; private set; }

    // An opinion's handling.
    public string? AssignedToUserId { get; private set; }
    public string? Answer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the hiding happened, for the moderation record.</summary>
    public DateTimeOffset? HiddenAt { get; private set; }

    /// <summary>Where an opinion stands, read from its fields; null for every other kind of post.</summary>
    public OpinionState? State =>
        Kind != FeedPostKind.Opinion ? null
        : ClosedAt is not null ? OpinionState.Closed
        : Answer is not null ? OpinionState.Answered
        : AssignedToUserId is not null ? OpinionState.Assigned
        : OpinionState.Open;

    public static FeedPost Write(Guid orgUnitId, FeedPostKind kind, string authorName, string? title, string body, Guid? activityId = null)
    {
        if (!Enum.IsDefined(kind))
            throw new ValidationFailedException("kind", "帖子类别无效");
        if (string.IsNullOrWhiteSpace(body))
            throw new ValidationFailedException("body", "请填写正文");
        return new FeedPost
        {
            OrgUnitId = orgUnitId,
            Kind = kind,
            AuthorName = authorName,
            Title = title,
            Body = body.Trim(),
            ActivityId = kind == FeedPostKind.ActivityReport ? activityId : null,
        };
    }

    /// <summary>Moderation: the post vanishes for everyone but moderators and its author. Hiding again replaces the reason.</summary>
    public void Hide(string reason, string? by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", "请填写隐藏理由");
        (Hidden, HiddenReason, HiddenById, HiddenAt) = (true, reason.Trim(), by, at);
    }

    public void Show() => (Hidden, HiddenReason, HiddenById, HiddenAt) = (false, null, null, null);

    /// <summary>Refuses a handling step on a post that is no opinion (422) or an opinion whose state does not allow it (409).</summary>
    public void Require(OpinionAction action)
    {
        if (State is not { } state)
            throw new ValidationFailedException("kind", "只有社情民意需要分派、答复和办结");
        if (!OpinionTransitions.IsAllowed(state, action))
            throw new ConflictException(OpinionTransitions.RefusalMessage(state, action));
    }

    /// <summary>An officer takes the opinion on (another officer, when reassigned).</summary>
    public void Assign(string assigneeId)
    {
        Require(OpinionAction.Assign);
        if (string.IsNullOrWhiteSpace(assigneeId))
            throw new ValidationFailedException("assigneeId", "请选择承办民警");
        AssignedToUserId = assigneeId;
    }

    /// <summary>The resident is answered; whoever answers an unassigned opinion has taken it on.</summary>
    [MemberNotNull(nameof(Answer))]
    public void AnswerWith(string answer, string? by, DateTimeOffset at)
    {
        Require(OpinionAction.Answer);
        if (string.IsNullOrWhiteSpace(answer))
            throw new ValidationFailedException("answer", "请填写答复");
        Answer = answer.Trim();
        AnsweredAt = at;
        AssignedToUserId ??= by;
    }

    /// <summary>Closes the opinion, answering it at the same time when <paramref name="answer"/> is given; one that
    /// was never answered cannot be closed.</summary>
    [MemberNotNull(nameof(Answer))]
    public void Close(string? answer, DateTimeOffset at)
    {
        Require(OpinionAction.Close);
        if (!string.IsNullOrWhiteSpace(answer))
        {
            Answer = answer.Trim();
            AnsweredAt = at;
        }
        if (Answer is null)
            throw new ValidationFailedException("answer", "请先答复再办结");
        ClosedAt = at;
    }
}
