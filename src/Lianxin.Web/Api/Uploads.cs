using Lianxin.Core.Common;

namespace Lianxin.Web.Api;

/// <summary>Reading a file from a multipart form, with the same checks and the same messages everywhere: the
/// request must be a form, hold exactly one file under the expected field name, and stay within the size.</summary>
public static class Uploads
{
    /// <summary>A file of any accepted type, field <c>file</c>.</summary>
    public static readonly UploadField File = new("file", "文件", "一个文件", ["file"]);

    /// <summary>A photo, field <c>photo</c> (<c>file</c> is taken too).</summary>
    public static readonly UploadField Photo = new("photo", "照片", "一张照片", ["photo", "file"]);

    /// <summary>A size for people: whole megabytes, as the limits are set.</summary>
    public static string Size(long bytes) => $"{bytes / 1024 / 1024} MB";

    /// <summary>The form of a multipart request; anything else is refused under <paramref name="errorKey"/>.</summary>
    public static async Task<IFormCollection> FormAsync(HttpRequest request, string errorKey, string notAForm, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new ValidationFailedException(errorKey, notAForm);
        return await request.ReadFormAsync(ct);
    }

    /// <summary>The one file of a multipart request and the rest of its form.</summary>
    public static async Task<(IFormFile File, IFormCollection Form)> SingleAsync(
        HttpRequest request,
        UploadField field,
        CancellationToken ct,
        long? maxBytes = null
    )
    {
        var form = await FormAsync(request, field.Key, field.NotAForm, ct);
        if (form.Files.Count != 1 || form.Files[0] is not { } file || !field.Names.Contains(file.Name))
            throw new ValidationFailedException(field.Key, $"每次上传{field.One}，字段名为 {field.Key}");
        if (file.Length > maxBytes)
            throw new ValidationFailedException(field.Key, $"{field.What}不能超过 {Size(maxBytes.Value)}");
        return (file, form);
    }
}
