using Lianxin.Core.Common;

namespace Lianxin.Web.Api;

/// <summary>Query parameters every list accepts. Bound with [AsParameters].</summary>
public readonly record struct PageQuery(int? Page, int? PageSize)
{
    public PageRequest ToRequest() => PageRequest.Create(Page, PageSize);
}
