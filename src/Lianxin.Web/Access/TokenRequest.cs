namespace Lianxin.Web.Access;

public sealed record TokenRequest(string? UserName, string? Password);
