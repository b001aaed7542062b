namespace Lianxin.Web.Components.Shared;

public sealed record UnitRef(Guid Id, string Name);
