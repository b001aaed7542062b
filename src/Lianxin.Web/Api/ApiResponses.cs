using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Lianxin.Web.Api;

/// <summary>What an endpoint can answer besides its success, declared by kind of endpoint so that
/// /openapi/v1.json lists every status a client can meet. The statuses follow <see cref="ApiExceptionHandler"/>:
/// a refusal of the domain is a 422, a record missing or outside the caller's scope a 404, a stale version
/// or a duplicate a 409. Each endpoint line then says only what is particular to it.</summary>
public static class ApiResponses
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>Behind sign-in: 401 without a valid sign-in, 403 without the right the endpoint names.</summary>
    public static TBuilder ProducesSignInProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblems(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden);

    /// <summary>Names a record (in the path or the query): 404 when it does not exist or lies outside the caller's scope.</summary>
    public static TBuilder ProducesRecordProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesProblems(StatusCodes.Status404NotFound);

    /// <summary>Takes input the server checks: 400 when it cannot be read (not JSON, a query value of the wrong
    /// type), 422 with the errors per field when a value is refused.</summary>
    public static TBuilder ProducesInputProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblems(StatusCodes.Status400BadRequest).ProducesValidationProblems();

    /// <summary>Filters or names units in the query: input problems, and 404 for a unit or record outside the caller's scope.</summary>
    public static TBuilder ProducesQueryProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesInputProblems().ProducesRecordProblems();

    /// <summary>A ledger or figures export: an .xlsx file, for the same query as the list.</summary>
    public static TBuilder ProducesExport<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesFile(ExcelExport.ContentType).ProducesQueryProblems();

    /// <summary>A create: its input is checked, the units it names must be in scope (404) and it may meet a
    /// record that exists already (409); like every write it may find the database busy with another's long write
    /// (an import on SQLite) past its wait (503, with <c>Retry-After</c>; nothing written).</summary>
    public static TBuilder ProducesCreateProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder
            .ProducesInputProblems()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable);

    /// <summary>A change of a named record: input problems, 404 for the record, 409 for a stale version or a step
    /// its state does not allow.</summary>
    public static TBuilder ProducesChangeProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesCreateProblems();

    /// <summary>An upload: input problems and 413 for a body over the limit.</summary>
    public static TBuilder ProducesUploadProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesInputProblems().ProducesProblems(StatusCodes.Status413PayloadTooLarge);

    /// <summary>Open without an account (a one-time link, a query code): 401 still when the request carries a
    /// token that is no longer valid, and 429 once the per-address limit is spent.</summary>
    public static TBuilder ProducesAnonymousProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesProblems(StatusCodes.Status401Unauthorized).ProducesRateLimitProblems();

    /// <summary>Limited per address: 429 once the limit of the window is spent.</summary>
    public static TBuilder ProducesRateLimitProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.ProducesProblems(StatusCodes.Status429TooManyRequests);

    /// <summary>A file download (an export, a report, a stored photo) in the given content types.</summary>
    public static TBuilder ProducesFile<TBuilder>(this TBuilder builder, params string[] contentTypes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(Stream), contentTypes));

    /// <summary>An import's error report: a page of <typeparamref name="TPage"/> as JSON (format=json), else a CSV or
    /// .xlsx file.</summary>
    public static RouteHandlerBuilder ProducesErrorReport<TPage>(this RouteHandlerBuilder builder) =>
        builder
            .ProducesFile(ErrorReportFile.CsvContentType, ExcelExport.ContentType)
            // A status holds one declared type, so the JSON page is added beside the files in the document itself.
            .AddOpenApiOperationTransformer(
                async (operation, context, ct) =>
                {
                    if (operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content is { } content)
                    {
                        var page = await context.GetOrCreateSchemaAsync(typeof(TPage), null, ct);
                        content["application/json"] = new OpenApiMediaType { Schema = page };
                    }
                }
            );

    /// <summary>Problem details (RFC 9457) under each of the given statuses.</summary>
    public static TBuilder ProducesProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder
    {
        foreach (var status in statuses)
            builder.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson));
        return builder;
    }

    private static TBuilder ProducesValidationProblems<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(
            new ProducesResponseTypeMetadata(StatusCodes.Status422UnprocessableEntity, typeof(HttpValidationProblemDetails), ProblemJson)
        );
}
