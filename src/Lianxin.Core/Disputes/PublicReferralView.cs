namespace Lianxin.Core.Disputes;

/// <summary>What the receiver sees through the one-time link: the transfer form, with ID numbers and phone
/// numbers masked, and nothing else of the dispute.</summary>
public sealed record PublicReferralView(
    string DisputeNumber,
    string? StationName,
    string ReceiverKindLabel,
    string ReceiverOrganization,
    string? ContactName,
    string? ContactPhoneMasked,
    string Facts,
    string Reason,
    string? WorkDone,
    string? Materials,
    DateTimeOffset ReferredAt,
    DateTimeOffset AcknowledgeDueAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedByName,
    DateTimeOffset LinkExpiresAt
);
