namespace Lianxin.Web.Api;

/// <summary>A file field of a multipart form: the name errors are reported under, the word for what it holds,
/// "one of them", and the field names accepted.</summary>
public sealed record UploadField(string Key, string What, string One, IReadOnlyList<string> Names)
{
    public string NotAForm => $"请以 multipart/form-data 上传，{What}字段名为 {Key}";
}
