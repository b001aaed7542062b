using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Disputes;

public sealed class DisputeAttachmentSqliteTests(SqliteApp app) : DisputeAttachmentTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeAttachmentPostgresTests(PostgresApp app) : DisputeAttachmentTests(app), IClassFixture<PostgresApp>;

public abstract class DisputeAttachmentTests(AppFixture app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Pdf = "%PDF-1.7\n调解协议\n%%EOF"u8.ToArray();

    private Guid Mine => app.World.DisputeIds[0];
    private Guid Theirs => app.World.DisputeIds[1];

    private static MultipartFormDataContent Form(byte[] data, string name, string field = "file")
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(data);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, field, name);
        return form;
    }

    private Task<int> StoredAsync(Guid dispute) =>
        app.Factory.WithDbAsync(db => db.DisputeAttachments.CountAsync(a => a.DisputeId == dispute));

    private static byte[] Unique(byte[] head) => [.. head, .. Guid.NewGuid().ToByteArray()];

    [Fact]
    public async Task A_photo_is_stored_listed_and_downloaded_with_the_download_audited()
    {
        var officer = await app.As("officer1");
        var data = Unique(Png);
        var created = await ApiAssert.OkAsync<AttachmentView>(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(data, "现场照片.png")),
            HttpStatusCode.Created
        );
        Assert.Equal(AttachmentKind.Photo, created.Kind);
        Assert.Equal("image/png", created.ContentType);
        Assert.Equal(data.Length, created.Length);

        var list = await ApiAssert.OkAsync<List<AttachmentView>>(await officer.GetAsync($"/api/v1/disputes/{Mine}/attachments"));
        Assert.Contains(list, a => a.Id == created.Id && a.FileName == "现场照片.png" && a.UploadedByName == "officer1");

        var mediator = await app.As("mediator1");
        using var download = await mediator.GetAsync($"/api/v1/disputes/{Mine}/attachments/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(data, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Contains("sandbox", download.Headers.GetValues("Content-Security-Policy").Single());
        var audited = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .CountAsync(a => a.EntityType == nameof(DisputeAttachment) && a.EntityId == created.Id.ToString() && a.Action == "export")
        );
        Assert.Equal(1, audited);
    }

    [Theory]
    [InlineData("program.jpg", "MZ")] // a Windows program renamed to a photo
    [InlineData("page.pdf", "<html><script>")] // a web page named as a document
    [InlineData("notes.txt", "%PDF-1.7")] // an extension that is not allowed
    [InlineData(".png", "")] // no name and no content
    public async Task Files_of_the_wrong_type_are_refused_and_nothing_is_stored(string name, string content)
    {
        var officer = await app.As("officer1");
        var before = await StoredAsync(Mine);
        var p = await ApiAssert.ProblemAsync(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(System.Text.Encoding.UTF8.GetBytes(content), name)),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.True(p.TryGetProperty("errors", out _));
        Assert.Equal(before, await StoredAsync(Mine));
    }

    [Fact]
    public async Task An_oversized_file_is_refused_and_nothing_is_stored()
    {
        var officer = await app.As("officer1");
        var before = await StoredAsync(Mine);
        var big = new byte[AttachmentType.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        using var response = await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(big, "大文件.pdf"));
        Assert.True(
            response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity,
            response.StatusCode.ToString()
        );
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StoredAsync(Mine));
    }

    [Fact]
    public async Task Malformed_uploads_and_the_same_file_twice_get_clear_errors()
    {
        var officer = await app.As("officer1");
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/disputes/{Mine}/attachments", new { file = "x" }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(Unique(Pdf), "a.pdf", field: "other")),
            HttpStatusCode.UnprocessableEntity
        );
        var data = Unique(Pdf);
        await ApiAssert.OkAsync<AttachmentView>(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(data, "协议.pdf")),
            HttpStatusCode.Created
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(data, "协议副本.pdf")),
            HttpStatusCode.Conflict
        );
        var hostile = await ApiAssert.OkAsync<AttachmentView>(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(Unique(Pdf), "..\\..\\<script>证明.pdf")),
            HttpStatusCode.Created
        );
        Assert.DoesNotContain("..", hostile.FileName);
        Assert.DoesNotContain("<", hostile.FileName);
    }

    [Fact]
    public async Task Another_station_cannot_upload_read_or_download_and_a_volunteer_cannot_upload()
    {
        var officer = await app.As("officer1");
        var created = await ApiAssert.OkAsync<AttachmentView>(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(Unique(Png), "照片.png")),
            HttpStatusCode.Created
        );
        var other = await app.As("officer2");
        var before = await StoredAsync(Theirs);
        await ApiAssert.ProblemAsync(
            await officer.PostAsync($"/api/v1/disputes/{Theirs}/attachments", Form(Unique(Png), "越权.png")),
            HttpStatusCode.NotFound
        );
        Assert.Equal(before, await StoredAsync(Theirs));
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/disputes/{Mine}/attachments"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/disputes/{Mine}/attachments/{created.Id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/disputes/{Theirs}/attachments/{created.Id}"), HttpStatusCode.NotFound);
        var volunteer = await app.As("volunteer1");
        using var refused = await volunteer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(Unique(Png), "照片.png"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task A_withdrawn_file_needs_a_reason_and_stays_on_record()
    {
        var officer = await app.As("officer1");
        var created = await ApiAssert.OkAsync<AttachmentView>(
            await officer.PostAsync($"/api/v1/disputes/{Mine}/attachments", Form(Unique(Png), "错传.png")),
            HttpStatusCode.Created
        );
        var url = $"/api/v1/disputes/{Mine}/attachments/{created.Id}/withdraw";
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, new { reason = " " }), HttpStatusCode.UnprocessableEntity);
        var withdrawn = await ApiAssert.OkAsync<AttachmentView>(await officer.PostAsJsonAsync(url, new { reason = "传错了纠纷" }));
        Assert.NotNull(withdrawn.WithdrawnAt);
        await ApiAssert.ProblemAsync(await officer.PostAsJsonAsync(url, new { reason = "再撤一次" }), HttpStatusCode.Conflict);
        var list = await ApiAssert.OkAsync<List<AttachmentView>>(await officer.GetAsync($"/api/v1/disputes/{Mine}/attachments"));
        Assert.Contains(list, a => a.Id == created.Id && a.WithdrawnReason == "传错了纠纷");
    }
}
