using Lianxin.Core.Common;

namespace Lianxin.Web.Disputes;

/// <summary>A printed document that cannot be shown answers with the status its refusal means, as the API would.</summary>
public static class PrintFailure
{
    public static string Answer(HttpContext http, DomainException e)
    {
        if (!http.Response.HasStarted)
            http.Response.StatusCode = e switch
            {
                NotFoundException => StatusCodes.Status404NotFound,
                ForbiddenException => StatusCodes.Status403Forbidden,
                ValidationFailedException => StatusCodes.Status422UnprocessableEntity,
                _ => StatusCodes.Status409Conflict,
            };
        return e.Message;
    }
}
