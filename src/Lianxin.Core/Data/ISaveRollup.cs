namespace Lianxin.Core.Data;

/// <summary>A roll-up (a table of counts) kept current by every save, in the save's own transaction. Each
/// feature's roll-up implements it; <see cref="LianxinDbContext"/> finds the implementations in its
/// assembly, as it finds the entity configurations, so it names no feature.</summary>
public interface ISaveRollup
{
    /// <summary>Reads, before the save, what the tracked changes add to the roll-up, and returns what writes
    /// it after the rows are saved, inside the same transaction; null when the changes add nothing.</summary>
    Func<CancellationToken, Task>? Collect(LianxinDbContext db);
}
