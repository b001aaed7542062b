namespace Lianxin.Web.Access;

public sealed record PasswordResetResponse(string InitialPassword);
