namespace Lianxin.Web.Organization;

public sealed record RevealRequest(string? Reason);
