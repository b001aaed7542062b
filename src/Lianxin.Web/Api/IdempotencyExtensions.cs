namespace Lianxin.Web.Api;

public static class IdempotencyExtensions
{
    /// <summary>Runs the create once per user and <c>Idempotency-Key</c>; the key itself can be refused (400 when
    /// empty or too long, 422 when used for another request, 409 when a request with the same key is still running
    /// after <see cref="IdempotencyFilter.Wait"/>), so those are declared with it.</summary>
    public static RouteHandlerBuilder Idempotent(this RouteHandlerBuilder builder) =>
        builder
            .AddEndpointFilter<IdempotencyFilter>()
            .WithMetadata(IdempotentEndpoint.Instance)
            .ProducesInputProblems()
            .ProducesProblems(StatusCodes.Status409Conflict);
}
