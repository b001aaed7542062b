using Lianxin.Core.Common;

namespace Lianxin.Web.Api;

/// <summary>Query parameters of a ledger that pages by key: <c>after</c> is the <c>next</c> token of the page before
/// (then without <c>page</c>); <c>page</c> still works for the first pages. Bound with [AsParameters].</summary>
public readonly record struct LedgerPageQuery(int? Page, int? PageSize, string? After)
{
    public PageRequest ToRequest() => PageRequest.Create(Page, PageSize, After);
}
