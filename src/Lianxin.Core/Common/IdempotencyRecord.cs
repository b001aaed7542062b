namespace Lianxin.Core.Common;

/// <summary>A create carrying an Idempotency-Key: first the claim its attempt takes before running (so a
/// simultaneous request with the same key waits instead of creating again), then the stored response, replayed
/// when the same client retries.</summary>
public sealed class IdempotencyRecord
{
    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Route { get; set; } = "";
    public string RequestHash { get; set; } = "";

    /// <summary>The stored response's status; 0 while the claiming attempt is still running.</summary>
    public int StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Until when the claiming attempt may run; null once its response is stored. A claim past this
    /// time was left by a process that stopped, and the next attempt takes it over.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>Which attempt holds the claim, so an attempt whose claim was taken over never stores or frees it.</summary>
    public Guid? ClaimToken { get; set; }
}
