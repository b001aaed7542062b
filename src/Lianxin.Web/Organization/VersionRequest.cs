namespace Lianxin.Web.Organization;

public sealed record VersionRequest(long? Version);
