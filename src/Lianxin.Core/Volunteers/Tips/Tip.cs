using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers.Tips;

/// <summary>A tip (线索) from an active volunteer or a resident: category, place, text and photos, then
/// triage, checking, what was done with it and the outcome told back to the tipster.
/// An anonymous tip keeps no account, name or volunteer: a signed-in sender is recognised later only by a
/// keyed hash of their account (<see cref="OwnerKey"/>), a sender without an account only by the hash of a
/// one-time query code (<see cref="LookupKey"/>). Neither can be turned back into a person.</summary>
public sealed class Tip : Entity, IScoped
{
    public const string AnonymousCreator = "anonymous";

    private Tip() { }

    /// <summary>XS-2026-00001, per China year.</summary>
    public string Number { get; private set; } = "";

    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }

    /// <summary>Code of the <see cref="TipService.CategoryDictionary"/> dictionary.</summary>
    public string CategoryCode { get; private set; } = "";
    public string? Address { get; private set; }
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }
    public string Body { get; private set; } = "";

    public TipSenderKind SenderKind { get; private set; }
    public bool IsAnonymous { get; private set; }

    /// <summary>The sender's account; null for an anonymous tip.</summary>
    public string? SenderUserId { get; private set; }
    public Guid? SenderVolunteerId { get; private set; }

    /// <summary>The sender's name as known when sent; null for an anonymous tip. Shown to handlers masked.</summary>
    public string? SenderName { get; private set; }

    /// <summary>Keyed hash of the account of a signed-in anonymous sender, so they find their tip again.</summary>
    public string? OwnerKey { get; private set; }

    /// <summary>Keyed hash of the query code given to a sender without an account.</summary>
    public string? LookupKey { get; private set; }

    public TipStatus Status { get; private set; } = TipStatus.Received;
    public string? HandlerId { get; private set; }
    public string? CheckNote { get; private set; }
    public DateTimeOffset? CheckStartedAt { get; private set; }

    public TipOutcome? Outcome { get; private set; }
    public Guid? IncidentId { get; private set; }
    public Guid? CaseId { get; private set; }
    public Guid? DisputeId { get; private set; }

    /// <summary>What was done (e.g. "安全隐患已整改"), for the record and the figures.</summary>
    public string? OutcomeText { get; private set; }
    public DateTimeOffset? ActedAt { get; private set; }

    /// <summary>What the tipster is told; shown to them after closing.</summary>
    public string? Feedback { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? DismissReason { get; private set; }

    public IReadOnlyList<TipAction> AllowedActions => TipTransitions.Allowed(Status);

    /// <summary>A tip with its sender named (an active volunteer's counts as a volunteer's tip).</summary>
    public static Tip Named(
        string number,
        TipContent content,
        string? senderUserId,
        Guid? senderVolunteerId,
        string senderName,
        bool fromVolunteer
    )
    {
        var tip = New(number, content);
        tip.SenderKind = fromVolunteer ? TipSenderKind.Volunteer : TipSenderKind.Resident;
        tip.SenderUserId = senderUserId;
        tip.SenderVolunteerId = senderVolunteerId;
        tip.SenderName = senderName;
        tip.CreatedById = senderUserId;
        return tip;
    }

    /// <summary>A tip that keeps nobody, not even as the creator of the row: the sender finds it again by the keyed
    /// hash of their account (<paramref name="ownerKey"/>) or of their query code (<paramref name="lookupKey"/>).</summary>
    public static Tip Anonymous(string number, TipContent content, string? ownerKey, string? lookupKey)
    {
        if (ownerKey is not null && lookupKey is not null)
            throw new ArgumentException("An anonymous tip is found again by one key at most: the account's or the code's.");
        var tip = New(number, content);
        tip.SenderKind = TipSenderKind.Resident;
        tip.IsAnonymous = true;
        tip.OwnerKey = ownerKey;
        tip.LookupKey = lookupKey;
        tip.CreatedById = AnonymousCreator;
        return tip;
    }

    private static Tip New(string number, TipContent content)
    {
        if (string.IsNullOrWhiteSpace(content.CategoryCode))
            throw new ValidationFailedException("categoryCode", "请选择线索类别");
        if (string.IsNullOrWhiteSpace(content.Body))
            throw new ValidationFailedException("body", "请填写线索内容");
        return new Tip
        {
            Number = number,
            OrgUnitId = content.OrgUnitId,
            CategoryCode = content.CategoryCode,
            Address = content.Address,
            Longitude = content.Longitude,
            Latitude = content.Latitude,
            Body = content.Body.Trim(),
        };
    }

    /// <summary>Only before the first save, when two tips drew the same number.</summary>
    internal void Renumber(string number) => Number = number;

    /// <summary>Refuses (409) an action the current state does not allow; a caller about to create records for
    /// an action (an incident for <see cref="TipAction.Act"/>) asks first.</summary>
    public void Require(TipAction action)
    {
        if (!TipTransitions.IsAllowed(Status, action))
            throw new ConflictException(TipTransitions.RefusalMessage(Status, action));
    }

    /// <summary>Triage: the tip is taken up for checking.</summary>
    public void StartChecking(string? handlerId, string? note, DateTimeOffset at)
    {
        Require(TipAction.StartChecking);
        Status = TipStatus.Checking;
        HandlerId = handlerId;
        CheckNote = note;
        CheckStartedAt = at;
    }

    public void Dismiss(string reason, string? by, DateTimeOffset at)
    {
        Require(TipAction.Dismiss);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", "请填写不予采纳的理由");
        Status = TipStatus.Dismissed;
        DismissReason = reason.Trim();
        HandlerId ??= by;
        ClosedAt = at;
    }

    /// <summary>Something was done: the records made from the tip are linked, and the outcome kept for the figures.</summary>
    public void Act(TipOutcome outcome, string? outcomeText, TipLinks links, string? by, DateTimeOffset at)
    {
        Require(TipAction.Act);
        if (!Enum.IsDefined(outcome))
            throw new ValidationFailedException("outcome", "请选择处置方式");
        IncidentId = links.IncidentId;
        CaseId = links.CaseId;
        DisputeId = links.DisputeId;
        Status = TipStatus.ActedOn;
        Outcome = outcome;
        OutcomeText = outcomeText;
        ActedAt = at;
        HandlerId ??= by;
    }

    /// <summary>The tipster is told the outcome, and the tip is done.</summary>
    public void Close(string feedback, DateTimeOffset at)
    {
        Require(TipAction.Close);
        if (string.IsNullOrWhiteSpace(feedback))
            throw new ValidationFailedException("feedback", "请填写反馈内容");
        Status = TipStatus.Closed;
        Feedback = feedback.Trim();
        ClosedAt = at;
    }
}
