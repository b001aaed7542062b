using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Core.Data;

/// <summary>Hands out record numbers that run on per series (dispute ledger, tips, certificates): a counter row per
/// series, moved on by one INSERT … ON CONFLICT DO UPDATE … RETURNING, atomic on SQLite and PostgreSQL, so
/// registrations at the same moment get distinct numbers instead of reading the same highest number and clashing
/// on the unique index. Every feature that numbers its records in sequence takes the numbers here.</summary>
public static class RecordNumbers
{
    /// <summary>The next <paramref name="count"/> numbers of the series <paramref name="prefix"/>, each the prefix and
    /// the sequence padded to <paramref name="digits"/>: "JF-2026-00042". The highest number already stored with the
    /// prefix (<paramref name="stored"/>) is a floor, so numbers written without the counter (the demo, older data)
    /// are never handed out again. Outside a transaction the counter moves at once (a create that fails afterwards
    /// leaves a gap); inside one it moves with it.</summary>
    public static async Task<IReadOnlyList<string>> NextAsync(
        LianxinDbContext db,
        string prefix,
        IQueryable<string?> stored,
        int digits,
        int count,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = await stored.Where(n => n != null && n.StartsWith(prefix)).OrderByDescending(n => n).FirstOrDefaultAsync(ct);
        var highest =
            last is not null && long.TryParse(last.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : 0;
        var first = await ReserveAsync(db, prefix, highest + 1, count, ct);
        var numbers = new string[count];
        var format = "D" + digits.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < count; i++)
            numbers[i] = prefix + (first + i).ToString(format, CultureInfo.InvariantCulture);
        return numbers;
    }

    /// <summary>Reserves <paramref name="count"/> numbers of the series <paramref name="name"/>, none below
    /// <paramref name="floor"/>, and returns the first.</summary>
    public static async Task<long> ReserveAsync(LianxinDbContext db, string name, long floor, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var greatest = db.IsPostgres ? "GREATEST" : "MAX";
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText =
                "INSERT INTO \"NumberSequences\" (\"Name\", \"Last\") VALUES (@name, @floor + @count - 1) "
                + $"ON CONFLICT (\"Name\") DO UPDATE SET \"Last\" = {greatest}(\"NumberSequences\".\"Last\", @floor - 1) + @count "
                + "RETURNING \"Last\"";
            Add(command, "@name", name);
            Add(command, "@floor", floor);
            Add(command, "@count", (long)count);
            var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            return last - count + 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
