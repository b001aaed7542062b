using System.Net;
using System.Net.Http.Headers;
using Lianxin.Core.Incidents.Import;

namespace Lianxin.Tests.Support;

/// <summary>Sending an incident import file to the API as the import page does (multipart, field "file").</summary>
public static class IncidentImportUploads
{
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/incidents/imports", form);
    }

    /// <summary>An upload that must be accepted (201), and the batch it made.</summary>
    public static async Task<IncidentImportView> ImportAsync(HttpClient client, string fileName, byte[] content) =>
        await ApiAssert.OkAsync<IncidentImportView>(await UploadAsync(client, fileName, content), HttpStatusCode.Created);
}
