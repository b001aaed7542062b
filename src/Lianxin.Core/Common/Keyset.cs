using System.Linq.Expressions;

namespace Lianxin.Core.Common;

/// <summary>How a list pages by key: its name in the tokens, its order (which must end in a unique key), the rows after
/// a cursor in that order, and the cursor of a row read. A sort with no <paramref name="After"/> pages by offset only
/// and refuses an <c>after</c> token.</summary>
public sealed record Keyset<T, TOut>(
    string Name,
    Func<IQueryable<T>, IOrderedQueryable<T>> Order,
    Func<PageCursor, Expression<Func<T, bool>>>? After,
    Func<TOut, PageCursor> KeyOf
);
