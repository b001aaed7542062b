using System.Net;
using System.Text;
using System.Text.Json;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lianxin.Tests.Incidents;

public sealed class DirectiveErrorReportSqliteTests(SqliteApp app) : DirectiveErrorReportTests(app), IClassFixture<SqliteApp>;

public sealed class DirectiveErrorReportPostgresTests(PostgresApp app) : DirectiveErrorReportTests(app), IClassFixture<PostgresApp>;

/// <summary>The problems of a directive import are kept as a report that the importer's side can download.</summary>
public abstract class DirectiveErrorReportTests(AppFixture app)
{
    private static HttpContent Form(string text, Guid unit, string name) =>
        new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name },
            { new StringContent(unit.ToString()), "orgUnitId" },
        };

    [Fact]
    public async Task Refused_rows_download_as_xlsx_and_csv_to_those_who_may_import_there_only()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv =
            $"指令编号,日期,地址,类别,内容\nZL-{tag},2026-11-23,东港豪庭3栋,,核查\n,2026-11-23,,,缺编号\n"
            + $"ZL-{tag}-2,不是日期,,,\"日期错, 内容有逗号\"\nZL-{tag}-3,2026-11-24,,,\n";
        var officer = await app.As("officer1");
        var result = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsync("/api/v1/incidents/directives/import", Form(csv, app.World.Villages[0].Id, "第47周指令.csv"))
        );
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        Assert.Equal(3, result.GetProperty("problems").GetArrayLength());
        var id = result.GetProperty("reportId").GetGuid();
        var url = $"/api/v1/incidents/directives/imports/{id}/errors";

        var xlsx = await officer.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("指令导入错误报告-第47周指令.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar);
        var sheet = MiniExcel
            .Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        Assert.Equal(["行号", "列", "原因"], sheet[0].Keys);
        Assert.Equal(
            [("3", "指令编号"), ("4", "日期"), ("5", "内容")],
            sheet.Select(r => (Convert.ToString(r["行号"], System.Globalization.CultureInfo.InvariantCulture), (string?)r["列"])).ToList()!
        );
        Assert.Equal("不能为空", sheet[0]["原因"]);

        var csvFile = await officer.GetAsync(url + "?format=csv");
        Assert.Equal(HttpStatusCode.OK, csvFile.StatusCode);
        Assert.Equal("text/csv", csvFile.Content.Headers.ContentType?.MediaType);
        var bytes = await csvFile.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["行号,列,原因", "3,指令编号,不能为空", "4,日期,不是有效日期（如 2026-11-23）", "5,内容,不能为空"], lines);

        var page = await ApiAssert.OkAsync<JsonElement>(await officer.GetAsync(url + "?format=json&pageSize=2"));
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        Assert.Equal(3, page.GetProperty("items")[0].GetProperty("row").GetInt32());

        // The station's leader sees it; the other station, and anyone who may not import directives (the county's
        // leader reads but does not import), do not.
        Assert.Equal(HttpStatusCode.OK, (await (await app.As("leader1")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("bureau")).GetAsync(url + "?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("officer2")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("leader2")).GetAsync(url + "?format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As("auxiliary1")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync(url)).StatusCode);

        // Bad input: an unknown report, a format nobody offers, a malformed id.
        await ApiAssert.ProblemAsync(
            await officer.GetAsync($"/api/v1/incidents/directives/imports/{Guid.NewGuid()}/errors"),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(await officer.GetAsync(url + "?format=pdf"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await officer.GetAsync("/api/v1/incidents/directives/imports/not-a-guid/errors")).StatusCode
        );
    }

    [Fact]
    public async Task A_clean_import_keeps_no_report_and_old_reports_go_with_the_next_import()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var officer = await app.As("officer1");
        var clean = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsync(
                "/api/v1/incidents/directives/import",
                Form($"指令编号,日期,地址,类别,内容\nZL-C{tag},2026-11-23,,,核查\n", app.World.Villages[0].Id, "clean.csv")
            )
        );
        Assert.Equal(JsonValueKind.Null, clean.GetProperty("reportId").ValueKind);

        var old = await app.Factory.WithDbAsync(async db =>
        {
            var r = new DirectiveImportReport
            {
                OrgUnitId = app.World.Villages[0].Id,
                FileName = "old.csv",
                Lines = 1,
                Problems =
                [
                    new DirectiveImportProblem
                    {
                        Seq = 1,
                        Row = 2,
                        Field = "日期",
                        Reason = "不是有效日期",
                    },
                ],
            };
            db.Add(r);
            await db.SaveChangesAsync();
            await db.Set<DirectiveImportReport>()
                .Where(x => x.Id == r.Id)
                .ExecuteUpdateAsync(s =>
                    s.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddDays(-DirectiveImportReport.KeptDays - 1))
                );
            return r.Id;
        });
        var bad = await ApiAssert.OkAsync<JsonElement>(
            await officer.PostAsync(
                "/api/v1/incidents/directives/import",
                Form("指令编号,日期,地址,类别,内容\n,2026-11-23,,,缺编号\n", app.World.Villages[0].Id, "bad.csv")
            )
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await officer.GetAsync($"/api/v1/incidents/directives/imports/{bad.GetProperty("reportId").GetGuid()}/errors")).StatusCode
        );
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/incidents/directives/imports/{old}/errors")).StatusCode);
        Assert.False(await app.Factory.WithDbAsync(db => db.Set<DirectiveImportProblem>().AnyAsync(p => p.ReportId == old)));
    }
}
