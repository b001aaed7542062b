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

    /// <summary>XS-2026-00001, per China year.</summary>
    public string Number { get; set; } = "";

    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>Code of the <see cref="TipService.CategoryDictionary"/> dictionary.</summary>
    public string CategoryCode { get; set; } = "";
    public string? Address { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public string Body { get; set; } = "";

    public TipSenderKind SenderKind { get; set; }
    public bool IsAnonymous { get; set; }

    /// <summary>The sender's account; null for an anonymous tip.</summary>
    public string? SenderUserId { get; set; }
    public Guid? SenderVolunteerId { get; set; }

    /// <summary>The sender's name as known when sent; null for an anonymous tip. Shown to handlers masked.</summary>
    public string? SenderName { get; set; }

    /// <summary>Keyed hash of the account of a signed-in anonymous sender, so they find their tip again.</summary>
    public string? OwnerKey { get; set; }

    /// <summary>Keyed hash of the query code given to a sender without an account.</summary>
    public string? LookupKey { get; set; }

    public TipStatus Status { get; set; } = TipStatus.Received;
    public string? HandlerId { get; set; }
    public string? CheckNote { get; set; }
    public DateTimeOffset? CheckStartedAt { get; set; }

    public TipOutcome? Outcome { get; set; }
    public Guid? IncidentId { get; set; }
    public Guid? CaseId { get; set; }
    public Guid? DisputeId { get; set; }

    /// <summary>What was done (e.g. "安全隐患已整改"), for the record and the figures.</summary>
    public string? OutcomeText { get; set; }
    public DateTimeOffset? ActedAt { get; set; }

    /// <summary>What the tipster is told; shown to them after closing.</summary>
    public string? Feedback { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    public string? DismissReason { get; set; }
}

public enum TipSenderKind
{
    Volunteer = 1, // 义警
    Resident = 2,  // 群众
}

public enum TipStatus
{
    Received = 1,  // 待研判
    Checking = 2,  // 核查中
    ActedOn = 3,   // 已处置
    Closed = 4,    // 已反馈
    Dismissed = 5, // 不予采纳
}

public enum TipOutcome
{
    Incident = 1,   // 转为警情
    Case = 2,       // 立为治安案件
    Dispute = 3,    // 转为矛盾纠纷
    HazardFixed = 4, // 隐患已整改
    Other = 5,      // 其他处置
}

public static class TipLabels
{
    public static string Label(this TipStatus s) => s switch
    {
        TipStatus.Received => "待研判",
        TipStatus.Checking => "核查中",
        TipStatus.ActedOn => "已处置",
        TipStatus.Closed => "已反馈",
        TipStatus.Dismissed => "不予采纳",
        _ => s.ToString(),
    };

    public static string Label(this TipOutcome o) => o switch
    {
        TipOutcome.Incident => "已转为警情处置",
        TipOutcome.Case => "已立为治安案件",
        TipOutcome.Dispute => "已转为矛盾纠纷调处",
        TipOutcome.HazardFixed => "安全隐患已整改",
        TipOutcome.Other => "已处置",
        _ => o.ToString(),
    };

    public static string Label(this TipSenderKind k) => k == TipSenderKind.Volunteer ? "义警" : "群众";
}
