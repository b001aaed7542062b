using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents;
using Lianxin.Tests.Support;
using MiniExcelLibs;

namespace Lianxin.Tests.Api;

public sealed class ExportCellSqliteTests(SqliteApp app) : ExportCellTests(app), IClassFixture<SqliteApp>;

public sealed class ExportCellPostgresTests(PostgresApp app) : ExportCellTests(app), IClassFixture<PostgresApp>;

/// <summary>Exports give labels, not codes, and never hand a spreadsheet a formula: text entered through the API that
/// starts like one comes back as plain text with an apostrophe in front.</summary>
public abstract class ExportCellTests(AppFixture app)
{
    [Fact]
    public async Task The_dispute_ledger_export_shows_category_names_and_keeps_formula_text_inert()
    {
        var leader = await app.As("leader1");
        var title = "=1+1 " + Guid.NewGuid().ToString("N")[..8];
        await ApiAssert.OkAsync<DisputeDetail>(
            await leader.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "HouseholdHead",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "@SUM(A1) 两家争吵",
                    address = "-2 东峪村",
                    parties = new object[] { new { role = "Applicant", name = "+8613800138000" } },
                }
            ),
            HttpStatusCode.Created
        );

        var (rows, formulas) = await ReadAsync(await leader.GetAsync("/api/v1/disputes/export"));

        Assert.Equal(0, formulas);
        var row = Assert.Single(rows, r => (r["标题"] as string)?.Contains(title[1..], StringComparison.Ordinal) == true);
        Assert.Equal("'" + title, row["标题"]);
        Assert.Equal("邻里纠纷", row["类别"]);
        Assert.DoesNotContain(rows, r => r["类别"] as string == "neighbour");
    }

    [Fact]
    public async Task The_incident_ledger_export_shows_category_names_and_keeps_formula_text_inert()
    {
        var leader = await app.As("leader1");
        var number = "J" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        await ApiAssert.OkAsync<IncidentDetail>(
            await leader.PostAsJsonAsync(
                "/api/v1/incidents",
                new
                {
                    number,
                    receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
                    categoryCode = "dispute",
                    typeCode = "dispute.neighbour",
                    subtypeCode = "dispute.neighbour.livestock",
                    callerName = "程大山",
                    callerPhone = "138 0013 8000",
                    address = "+86 东峪村三组5号",
                    summary = "@SUM(A1) 鸡吃菜",
                    handlingUnitId = app.World.Stations[0].Id,
                    handlingOfficer = "\t=HYPERLINK(\"http://example.invalid\")",
                }
            ),
            HttpStatusCode.Created
        );

        var (rows, formulas) = await ReadAsync(await leader.GetAsync("/api/v1/incidents/export"));

        Assert.Equal(0, formulas);
        var row = Assert.Single(rows, r => r["警情编号"] as string == number);
        Assert.Equal("纠纷警情", row["类别"]);
        Assert.Equal("邻里纠纷", row["类型"]);
        Assert.Equal("家禽家畜损害", row["细类"]);
        Assert.Equal("'+86 东峪村三组5号", row["发生地址"]);
        Assert.Equal("'@SUM(A1) 鸡吃菜", row["简要警情"]);
        Assert.StartsWith("'", (string)row["处警民警"]!);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86", "'+86")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("东峪村=1", "东峪村=1")]
    [InlineData("", "")]
    public void Text_that_starts_like_a_formula_is_prefixed(string text, string written) =>
        Assert.Equal(written, Lianxin.Web.Api.ExcelExport.Inert(text));

    /// <summary>The sheet's rows by header, and how many cells of the workbook hold a formula.</summary>
    private static async Task<(List<IDictionary<string, object?>> Rows, int Formulas)> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var formulas = 0;
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
            {
                await using var s = entry.Open();
                var sheet = await XDocument.LoadAsync(s, LoadOptions.None, CancellationToken.None);
                formulas += sheet.Descendants().Count(e => e.Name.LocalName == "f");
            }
        var rows = new MemoryStream(bytes)
            .Query(useHeaderRow: true)
            .Cast<IDictionary<string, object?>>()
            .Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>(r))
            .ToList();
        return (rows, formulas);
    }
}
