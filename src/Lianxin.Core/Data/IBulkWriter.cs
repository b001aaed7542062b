namespace Lianxin.Core.Data;

/// <summary>Inserts many new rows at once with the database's own bulk path, for the demo seed and
/// imports, where one SaveChanges per row would take minutes. Rows are stamped as SaveChanges stamps
/// added entities; no audit lines are written, so the caller records one summary line.</summary>
public interface IBulkWriter
{
    Task WriteAsync<T>(LianxinDbContext db, IReadOnlyList<T> rows, CancellationToken ct = default) where T : class;
}
