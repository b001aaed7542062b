namespace Lianxin.Core.Data;

/// <summary>Inserts many new rows at once with the database's own bulk path, for the demo seed and
/// imports, where one SaveChanges per row would take minutes. Rows are stamped as SaveChanges stamps
/// added entities; no audit lines are written, so the caller records one summary line.</summary>
public interface IBulkWriter
{
    /// <summary>Inserts entities of one mapped type, stamped as SaveChanges stamps added entities.</summary>
    async Task WriteAsync<T>(LianxinDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return;
        var plan = BulkInsertPlan.For<T>(db);
        BulkInsertPlan.StampAdded(rows, db.Now);
        await WriteAsync(db, plan, rows.Cast<object>().ToList(), ct);
    }

    /// <summary>Inserts rows by a prepared plan (e.g. <see cref="BulkInsertPlan.ForOwned"/>); the rows are
    /// whatever the plan's columns read.</summary>
    Task WriteAsync(LianxinDbContext db, BulkInsertPlan plan, IReadOnlyList<object> rows, CancellationToken ct = default);

    /// <summary>Inserts the rows whose value of <paramref name="keyProperty"/> (a column with a unique index) is not
    /// stored yet, and returns those it inserted. Join a transaction: a row stored by another writer meanwhile
    /// either is skipped or fails the transaction on the unique index, never doubles.</summary>
    Task<IReadOnlyList<object>> WriteNewAsync(
        LianxinDbContext db,
        BulkInsertPlan plan,
        IReadOnlyList<object> rows,
        string keyProperty,
        CancellationToken ct = default
    );

    /// <summary>Inserts aggregates with their owned collections (a dispute with its parties, timeline and
    /// follow-ups): the owners first, then each owned table. Join a transaction to make it atomic.</summary>
    async Task WriteWithOwnedAsync<T>(LianxinDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return;
        BulkInsertPlan.StampAdded(rows, db.Now);
        await WriteAsync(db, BulkInsertPlan.For<T>(db, withOwned: true), rows, ct);
        foreach (var (navigation, plan) in BulkInsertPlan.ForOwned<T>(db))
        {
            var getter = navigation.GetGetter();
            var items = new List<object>();
            foreach (var row in rows)
            {
                if (getter.GetClrValue(row) is System.Collections.IEnumerable children)
                    foreach (var child in children)
                        items.Add(new OwnedRow(row, child));
            }
            await WriteAsync(db, plan, items, ct);
        }
    }
}
