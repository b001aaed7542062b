using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>The transfer form a dispute carries to the body that should handle it. The dispute does not
/// leave the loop: the receiver acknowledges it and reports a result, by staff entry or through a
/// one-time link, and an acknowledgement that does not come in time is overdue.</summary>
public sealed class Referral : Entity, Audit.IAuditNamed
{
    string Audit.IAuditNamed.AuditName => $"移交 {ReceiverOrganization}";

    /// <summary>Days a receiver has to acknowledge, counted as working days.</summary>
    public const int AcknowledgeWorkingDays = 3;

    /// <summary>Days after acknowledgement before a missing result is chased.</summary>
    public const int ResultReminderDays = 30;

    public Guid DisputeId { get; private set; }
    public Dispute? Dispute { get; private set; }

    public ReferralReceiverKind ReceiverKind { get; private set; }
    public string ReceiverOrganization { get; private set; } = "";
    public string? ContactName { get; private set; }
    public byte[]? ContactPhoneCipher { get; private set; }
    public string? ContactPhoneHash { get; private set; }
    public string? ContactPhoneMasked { get; private set; }

    public ProtectedText ContactPhone
    {
        get => ProtectedText.Of(ContactPhoneCipher, ContactPhoneHash, ContactPhoneMasked);
        private set => (ContactPhoneCipher, ContactPhoneHash, ContactPhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    // The transfer form (移交函).
    public string Facts { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string? WorkDone { get; private set; }
    public string? Materials { get; private set; }

    public DateTimeOffset ReferredAt { get; private set; }
    public string ReferredById { get; private set; } = "";
    public DateTimeOffset AcknowledgeDueAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }
    public ReferralChannel? AcknowledgedVia { get; private set; }
    public string? AcknowledgedById { get; private set; }
    public string? AcknowledgedByName { get; private set; }

    public DateTimeOffset? ResultAt { get; private set; }
    public ReferralOutcome? Outcome { get; private set; }
    public string? ResultText { get; private set; }
    public ReferralChannel? ResultVia { get; private set; }
    public string? ResultById { get; private set; }
    public string? ResultByName { get; private set; }

    /// <summary>SHA-256 (hex) of the current one-time link's token; the token itself is never stored.</summary>
    public string? LinkTokenHash { get; private set; }
    public DateTimeOffset? LinkIssuedAt { get; private set; }
    public DateTimeOffset? LinkExpiresAt { get; private set; }

    public DateTimeOffset? OverdueReminderSentAt { get; private set; }
    public DateTimeOffset? ResultReminderSentAt { get; private set; }

    private Referral() { }

    public sealed record Form(
        ReferralReceiverKind? ReceiverKind,
        string? ReceiverOrganization,
        string? ContactName,
        string? Facts,
        string? Reason,
        string? WorkDone,
        string? Materials
    );

    /// <summary>Checks the form; a referral to nobody (no kind or no organisation) is refused here, before
    /// anything is changed.</summary>
    public static void Validate(Form form)
    {
        var checks = new Checks()
            .Required("receiverOrganization", form.ReceiverOrganization, "接收单位名称", TextLimits.Title)
            .Optional("contactName", form.ContactName, "联系人", TextLimits.Name)
            .Required("facts", form.Facts, "案情摘要", TextLimits.Text)
            .Required("reason", form.Reason, "移交理由", TextLimits.Text)
            .Optional("workDone", form.WorkDone, "已做工作", TextLimits.Text)
            .Optional("materials", form.Materials, "附件材料清单", TextLimits.Text);
        if (form.ReceiverKind is null)
            checks.Add("receiverKind", "请选择接收单位类别（司法所、法院诉前调解、劳动仲裁、信访部门或其他部门）");
        else if (!Enum.IsDefined(form.ReceiverKind.Value))
            checks.Add("receiverKind", "接收单位类别无效");
        checks.ThrowIfAny();
    }

    /// <summary>A new transfer form; the caller moves the dispute to referred in the same save.</summary>
    public static Referral Create(
        Dispute dispute,
        Form form,
        ProtectedText contactPhone,
        string by,
        DateTimeOffset at,
        WorkingDays? calendar = null
    )
    {
        Validate(form);
        return new Referral
        {
            DisputeId = dispute.Id,
            ReceiverKind = form.ReceiverKind!.Value,
            ReceiverOrganization = form.ReceiverOrganization!.Trim(),
            ContactName = Checks.Clean(form.ContactName),
            ContactPhone = contactPhone,
            Facts = form.Facts!.Trim(),
            Reason = form.Reason!.Trim(),
            WorkDone = Checks.Clean(form.WorkDone),
            Materials = Checks.Clean(form.Materials),
            ReferredAt = at,
            ReferredById = by,
            CreatedById = by,
            AcknowledgeDueAt = (calendar ?? WorkingDays.Default).DueAfter(at, AcknowledgeWorkingDays),
        };
    }

    /// <summary>"岔头镇司法所（司法所）" — how the receiver reads in the dispute's "referred to" field.</summary>
    public string ReceiverLabel =>
        ReceiverKind == ReferralReceiverKind.OtherDepartment
        || ReceiverOrganization.Contains(ReceiverKind.Label(), StringComparison.Ordinal)
            ? ReceiverOrganization
            : $"{ReceiverOrganization}（{ReceiverKind.Label()}）";

    public bool IsAcknowledged => AcknowledgedAt is not null;
    public bool HasResult => ResultAt is not null;

    /// <summary>Not acknowledged by its due time.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsAcknowledged && !HasResult && now > AcknowledgeDueAt;

    /// <summary>Acknowledged, but no result a month on.</summary>
    public bool IsResultLate(DateTimeOffset now) => AcknowledgedAt is { } ack && !HasResult && now > ack.AddDays(ResultReminderDays);

    public bool LinkWorks(DateTimeOffset now) => LinkTokenHash is not null && !HasResult && LinkExpiresAt > now;

    internal void Acknowledge(ReferralChannel via, string? byId, string receiverName, DateTimeOffset at)
    {
        if (HasResult)
            throw new ConflictException("该移交已反馈结果，无需再签收");
        if (IsAcknowledged)
            throw new ConflictException("该移交已经签收过");
        AcknowledgedAt = at;
        AcknowledgedVia = via;
        AcknowledgedById = byId;
        AcknowledgedByName = CleanName(receiverName);
    }

    /// <summary>A result implies receipt: one reported without an acknowledgement acknowledges it at the same time.</summary>
    internal void RecordResult(
        ReferralOutcome outcome,
        string text,
        ReferralChannel via,
        string? byId,
        string receiverName,
        DateTimeOffset at
    )
    {
        if (HasResult)
            throw new ConflictException("该移交已反馈过结果");
        if (!IsAcknowledged)
            Acknowledge(via, byId, receiverName, at);
        Outcome = outcome;
        ResultText = text;
        ResultAt = at;
        ResultVia = via;
        ResultById = byId;
        ResultByName = CleanName(receiverName);
        LinkTokenHash = null; // the link dies with the result
    }

    /// <summary>Issuing a new link replaces the old one, which stops working at once.</summary>
    public void IssueLink(string tokenHash, DateTimeOffset at, DateTimeOffset expiresAt)
    {
        if (HasResult)
            throw new ConflictException("该移交已反馈结果，不能再签发链接");
        LinkTokenHash = tokenHash;
        LinkIssuedAt = at;
        LinkExpiresAt = expiresAt;
    }

    public void MarkOverdueReminderSent(DateTimeOffset at) => OverdueReminderSentAt = at;

    public void MarkResultReminderSent(DateTimeOffset at) => ResultReminderSentAt = at;

    internal static string CheckedName(string? name)
    {
        new Checks().Required("receiverName", name, "签收人姓名", TextLimits.Name).ThrowIfAny();
        return name!.Trim();
    }

    private static string CleanName(string name) => name.Trim();
}
