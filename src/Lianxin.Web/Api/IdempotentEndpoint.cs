namespace Lianxin.Web.Api;

/// <summary>Endpoint metadata of a create that runs once per user and Idempotency-Key (<see cref="IdempotencyFilter"/>),
/// so the API's own tests can find and walk every such create.</summary>
public sealed class IdempotentEndpoint
{
    public static readonly IdempotentEndpoint Instance = new();

    private IdempotentEndpoint() { }
}
