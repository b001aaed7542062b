namespace Lianxin.Web.Access;

public sealed record RefreshRequest(string? RefreshToken);
