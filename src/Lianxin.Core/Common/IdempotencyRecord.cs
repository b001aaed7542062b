namespace Lianxin.Core.Common;

/// <summary>The stored response of a create carrying an Idempotency-Key, replayed when the same
/// client retries.</summary>
public sealed class IdempotencyRecord
{
    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    public string Route { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int StatusCode { get; set; }
    public string? ResponseBody { get; set; }
    public string? Location { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
