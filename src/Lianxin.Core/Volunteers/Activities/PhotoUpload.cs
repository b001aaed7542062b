namespace Lianxin.Core.Volunteers.Activities;

/// <summary>A photo sent with a report.</summary>
public sealed record PhotoUpload(string FileName, Stream Content);
