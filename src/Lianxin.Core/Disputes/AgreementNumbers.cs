using System.Globalization;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>The document number of a mediation agreement (调解协议书): <c>（2026）城关调字第7号</c>, running per station and
/// per year in the China calendar. The count comes from the station's own counter in <c>NumberSequences</c>, named by
/// the station's id and the year, so two agreements drafted at once never share a number and renaming the station
/// does not restart it. A unit has no short-name field: the short name is the station's name without a leading
/// "…公安局" and a trailing "派出所" or "警务站" (城关派出所 → 城关), or the whole name when nothing would be left.</summary>
public static class AgreementNumbers
{
    /// <summary>The counter a station's agreements of one year draw from: "XY-2026-" and the station's id in 22
    /// characters (a counter's name holds at most 32).</summary>
    public static string Series(Guid stationId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"XY-{year}-")
        + Convert.ToBase64String(stationId.ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Format(int year, string stationShortName, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"（{year}）{stationShortName}调字第{sequence}号");

    public static string ShortName(string stationName)
    {
        var name = stationName.Trim();
        var bureau = name.LastIndexOf("公安局", StringComparison.Ordinal);
        if (bureau >= 0 && bureau + 3 < name.Length)
            name = name[(bureau + 3)..];
        foreach (var suffix in new[] { "派出所", "警务站" })
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
            {
                name = name[..^suffix.Length];
                break;
            }
        return name.Length == 0 ? stationName.Trim() : name;
    }

    /// <summary>Takes the next number of the station above the dispute's unit for the year of <paramref name="at"/>.</summary>
    public static async Task<string> NextAsync(LianxinDbContext db, Guid disputeUnitId, DateTimeOffset at, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == disputeUnitId).Select(u => u.Path).FirstAsync(ct);
        var station = await StationLookup.StationOfAsync(db, path, ct);
        var year = at.ToOffset(ChinaTime.Offset).Year;
        var sequence = await RecordNumbers.ReserveAsync(db, Series(station.Id, year), 1, 1, ct);
        return Format(year, ShortName(station.Name), sequence);
    }
}
