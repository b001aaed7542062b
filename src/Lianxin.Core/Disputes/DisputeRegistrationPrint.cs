namespace Lianxin.Core.Disputes;

/// <summary>The registration form (纠纷登记表) as printed: the dispute as registered, with the category's name
/// and who received it.</summary>
public sealed record DisputeRegistrationPrint(DisputeDetail Dispute, string? CategoryName, string? ReceivedByName);
