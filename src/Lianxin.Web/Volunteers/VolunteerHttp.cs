using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;

namespace Lianxin.Web.Volunteers;

/// <summary>File handling shared by the feed and tip endpoints.</summary>
internal static class VolunteerHttp
{
    /// <summary>The one photo of a multipart request (field "photo" or "file").</summary>
    public static async Task<IFormFile> SinglePhotoAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new ValidationFailedException("photo", "请以 multipart/form-data 上传，照片字段名为 photo");
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count != 1 || form.Files[0] is not { } file || file.Name is not ("photo" or "file"))
            throw new ValidationFailedException("photo", "每次上传一张照片，字段名为 photo");
        return file;
    }

    /// <summary>A stored photo, served so it can never run as a page of this site.</summary>
    public static IResult Photo(HttpContext http, Photo photo, byte[] data)
    {
        http.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, no-store";
        return Results.File(data, photo.ContentType);
    }
}
