namespace Lianxin.Web.Access;

public sealed record ChangePasswordRequest(string? UserName, string? CurrentPassword, string? NewPassword);
