namespace Lianxin.Web.Organization;

public sealed record MoveRequest(Guid? ParentId, long? Version);
