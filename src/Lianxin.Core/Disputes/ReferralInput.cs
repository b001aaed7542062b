namespace Lianxin.Core.Disputes;

/// <summary>A transfer form as entered by staff. <see cref="Version"/> is the dispute's version the form was opened on.</summary>
public sealed record ReferralInput(
    ReferralReceiverKind? ReceiverKind,
    string? ReceiverOrganization,
    string? ContactName,
    string? ContactPhone,
    string? Facts,
    string? Reason,
    string? WorkDone,
    string? Materials,
    long? Version
);
