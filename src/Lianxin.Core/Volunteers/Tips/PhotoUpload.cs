namespace Lianxin.Core.Volunteers.Tips;

/// <summary>A photo handed in with a tip from the phone page.</summary>
public sealed record PhotoUpload(string FileName, Stream Content);
