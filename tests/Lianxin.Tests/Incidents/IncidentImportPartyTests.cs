using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Import;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Lianxin.Tests.Support.IncidentImportUploads;
using T = Lianxin.Core.Incidents.Import.IncidentImportTemplate;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentImportPartySqliteTests(SqliteApp app) : IncidentImportPartyTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentImportPartyPostgresTests(PostgresApp app) : IncidentImportPartyTests(app), IClassFixture<PostgresApp>;

/// <summary>Parties (当事人) in the import file: the optional column groups are checked like the 110 API's parties,
/// stored encrypted with the incidents the batch stores (and only those), and seen by the repeat check.</summary>
public abstract class IncidentImportPartyTests(AppFixture app)
{
    private static readonly string[] IncidentHeaders = [.. T.Columns.Select(c => c.Header)];

    private static string Prefix() => "Q" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static string NewIdNumber()
    {
        var body =
            $"330102{Random.Shared.Next(1950, 2005)}0{Random.Shared.Next(1, 10)}"
            + $"1{Random.Shared.Next(0, 10)}{Random.Shared.Next(100, 1000)}";
        return body + CitizenId.ComputeCheckChar(body);
    }

    private static string NewPhone() => $"137{Random.Shared.Next(10_000_000, 99_999_999)}";

    private static string DaysAgo(int days) =>
        DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).AddDays(-days).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The incident cells of a valid row in template order: no caller phone and an address of its own, so only
    /// parties can make it a repeat.</summary>
    private static string[] Incident(string number, string time, string unit = "T-V1") =>
        [
            number,
            time,
            "dispute",
            "dispute.neighbour",
            "",
            "王某某",
            "",
            $"导入当事人测试{Guid.NewGuid():N}号",
            "",
            "",
            "邻里纠纷",
            "民警到场调解",
            unit,
            "李警官",
            "否",
            "有效",
        ];

    private static string PartyHeader(int groups) =>
        string.Join(
            ",",
            IncidentHeaders.Concat(
                Enumerable
                    .Range(1, groups)
                    .SelectMany(n =>
                        new[]
                        {
                            T.PartyHeader(n, T.PartyRole),
                            T.PartyHeader(n, T.PartyName),
                            T.PartyHeader(n, T.PartyIdNumber),
                            T.PartyHeader(n, T.PartyPhone),
                        }
                    )
            )
        );

    private static string Line(IEnumerable<string?> cells) => string.Join(",", cells.Select(CsvRecordReader.Quote));

    private static byte[] Csv(string header, params IEnumerable<string?>[] rows) =>
        Encoding.UTF8.GetBytes(header + "\r\n" + string.Join("\r\n", rows.Select(Line)) + "\r\n");

    private Task<List<Incident>> StoredAsync(string prefix) =>
        app.Factory.WithDbAsync(db =>
            db.Incidents.AsNoTracking().Include(i => i.Parties).Where(i => i.Number.StartsWith(prefix)).OrderBy(i => i.Number).ToListAsync()
        );

    private Task<int> PartiesAsync(string prefix) =>
        app.Factory.WithDbAsync(db =>
            db.IncidentParties.Join(db.Incidents, p => p.IncidentId, i => i.Id, (p, i) => i.Number).CountAsync(n => n.StartsWith(prefix))
        );

    [Fact]
    public async Task Parties_in_the_file_are_stored_encrypted_shown_masked_and_revealed_and_a_row_without_them_has_none()
    {
        var p = Prefix();
        var officer = await app.As("officer1");
        var id = NewIdNumber();
        var phone = NewPhone();
        var file = Csv(
            PartyHeader(2),
            [.. Incident(p + "0001", DaysAgo(3)), "嫌疑人", "张建国", id, phone, "被害人", "李秀英", "", ""],
            [.. Incident(p + "0002", DaysAgo(2)), "", "", "", "", "", "", "", ""],
            // Only the second group filled, by phone alone, with no role: one 当事人 at the first position.
            [.. Incident(p + "0003", DaysAgo(1)), "", "", "", "", "", "", "", $"0571-8{Random.Shared.Next(1_000_000, 9_999_999)}"]
        );
        var batch = await ImportAsync(officer, "当事人.csv", file);
        Assert.Equal((3, 3, 0), (batch.Rows, batch.Stored, batch.Invalid));

        var stored = await StoredAsync(p);
        var parties = stored[0].Parties.OrderBy(x => x.Position).ToList();
        Assert.Equal(2, parties.Count);
        var suspect = parties[0];
        Assert.Equal((IncidentPartyRole.Suspect, 0), (suspect.Role, suspect.Position));
        Assert.Equal(stored[0].ReceivedAt, suspect.ReceivedAt);
        Assert.Equal(IncidentPartyRole.Victim, parties[1].Role);
        Assert.Null(parties[1].PersonKey);
        Assert.Empty(stored[1].Parties);
        var byPhone = Assert.Single(stored[2].Parties);
        Assert.Equal((IncidentPartyRole.Party, 0), (byPhone.Role, byPhone.Position));
        Assert.Equal(byPhone.PhoneHash, byPhone.PersonKey);
        await app.Factory.WithScopeAsync(sp =>
        {
            // Stored as the API stores them: encrypted, blind-indexed, keyed by the ID number.
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            Assert.Equal(protector.BlindIndex(id), suspect.IdNumberHash);
            Assert.Equal(protector.BlindIndex(phone), suspect.PhoneHash);
            Assert.Equal(suspect.IdNumberHash, suspect.PersonKey);
            Assert.Equal("张建国", protector.Reveal(suspect.Name));
            Assert.Equal(id, protector.Reveal(suspect.IdNumber));
            Assert.DoesNotContain(id, Encoding.UTF8.GetString(suspect.IdNumberCipher!));
            return Task.FromResult(true);
        });

        var detail = await ApiAssert.OkAsync<IncidentDetail>(await officer.GetAsync($"/api/v1/incidents/{stored[0].Id}"));
        Assert.Equal(["嫌疑人", "受害人"], detail.Parties.Select(x => x.RoleLabel));
        Assert.Equal("张**", detail.Parties[0].NameMasked);
        Assert.Equal(CitizenId.Mask(id), detail.Parties[0].IdNumberMasked);
        Assert.DoesNotContain(id[6..14], detail.Parties[0].IdNumberMasked);
        Assert.Equal(PhoneNumber.Mask(phone), detail.Parties[0].PhoneMasked);
        var shown = await ApiAssert.OkAsync<List<RevealedParty>>(
            await officer.PostAsJsonAsync($"/api/v1/incidents/{stored[0].Id}/parties/reveal", new { reason = "核实导入的当事人" })
        );
        Assert.Equal(("张建国", id, phone), (shown[0].Name, shown[0].IdNumber, shown[0].Phone));
        Assert.Equal("李秀英", shown[1].Name);
    }

    [Fact]
    public async Task Bad_party_fields_are_reported_by_row_and_column_and_their_rows_are_not_stored()
    {
        var p = Prefix();
        var officer = await app.As("officer1");
        var good = NewIdNumber();
        var wrongCheck = good[..17] + (good[17] == '0' ? '1' : '0');
        string[] blank = ["", "", "", ""];
        var file = Csv(
            PartyHeader(2),
            [.. Incident(p + "0001", DaysAgo(2)), "当事人", "赵某", good, "", .. blank],
            [.. Incident(p + "0002", DaysAgo(2)), "当事人", "钱某", wrongCheck, "", .. blank],
            [.. Incident(p + "0003", DaysAgo(2)), "路人", "孙某", "", "", .. blank],
            [.. Incident(p + "0004", DaysAgo(2)), "", "", "", "", "受害人", "", "", ""],
            [.. Incident(p + "0005", DaysAgo(2)), "", "", "", "", "", new string('名', TextLimits.Name + 1), "", "12345"],
            [.. Incident(p + "0006", DaysAgo(2)), "", "周某", "1234567890", "", .. blank]
        );
        var batch = await ImportAsync(officer, "当事人有误.csv", file);
        Assert.Equal((6, 1, 5), (batch.Rows, batch.Stored, batch.Invalid));

        var report = await ApiAssert.OkAsync<PagedResult<IncidentImportErrorView>>(
            await officer.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=json&pageSize=200")
        );
        var check = Assert.Single(report.Items, e => e.Row == 3);
        Assert.Equal("当事人1身份证号", check.Field);
        Assert.Contains("校验位", check.Reason);
        Assert.DoesNotContain(wrongCheck[6..14], check.Value ?? "");
        Assert.Contains(report.Items, e => e.Row == 4 && e.Field == "当事人1身份" && e.Value == "路人" && e.Reason.Contains("嫌疑人"));
        Assert.Contains(report.Items, e => e.Row == 5 && e.Field == "当事人2身份" && e.Reason.Contains("至少填写"));
        Assert.Contains(report.Items, e => e.Row == 6 && e.Field == "当事人2姓名" && e.Reason.Contains("不能超过"));
        var badPhone = Assert.Single(report.Items, e => e.Row == 6 && e.Field == "当事人2联系电话");
        Assert.DoesNotContain("12345", badPhone.Value ?? "");
        Assert.Contains(report.Items, e => e.Row == 7 && e.Field == "当事人1身份证号" && e.Reason.Contains("长度"));

        // The downloadable report says the same.
        var xlsx = await officer.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=xlsx");
        var sheet = MiniExcel
            .Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        Assert.Contains(sheet, r => Convert.ToInt32(r["行号"], CultureInfo.InvariantCulture) == 3 && (string?)r["列"] == "当事人1身份证号");

        var stored = Assert.Single(await StoredAsync(p));
        Assert.Equal(p + "0001", stored.Number);
        Assert.Single(stored.Parties);
        Assert.Equal(1, await PartiesAsync(p));
    }

    [Fact]
    public async Task Importing_the_file_again_adds_no_parties_and_a_party_named_in_two_rows_forms_a_party_cluster()
    {
        var p = Prefix();
        var officer = await app.As("officer1");
        var id = NewIdNumber();
        var phone = NewPhone();
        // The same person by ID number in rows 1, 2 and 4, in three roles; row 3 names someone else by phone.
        var file = Csv(
            PartyHeader(1),
            [.. Incident(p + "0001", DaysAgo(9)), "当事人", "陈志强", id, phone],
            [.. Incident(p + "0002", DaysAgo(5)), "受害人", "陈志强", id, ""],
            [.. Incident(p + "0003", DaysAgo(4)), "嫌疑人", "", "", NewPhone()],
            [.. Incident(p + "0004", DaysAgo(2)), "嫌疑人", "陈志强", id, ""]
        );
        var first = await ImportAsync(officer, "当事人聚类.csv", file);
        Assert.Equal((4, 0), (first.Stored, first.Invalid));
        Assert.Equal(4, await PartiesAsync(p));

        var stored = await StoredAsync(p);
        var clusters = await app.Factory.WithDbAsync(db =>
            db.RepeatClusters.AsNoTracking()
                .Include(c => c.Members)
                .Where(c => c.Members.Any(m => m.IncidentId == stored[0].Id))
                .ToListAsync()
        );
        var cluster = Assert.Single(clusters);
        Assert.Equal(RepeatClusterKind.Party, cluster.Kind);
        Assert.Equal(3, cluster.IncidentCount);
        Assert.Equal(new[] { stored[0].Id, stored[1].Id, stored[3].Id }.Order(), cluster.Members.Select(m => m.IncidentId).Order());
        Assert.Contains("陈**", cluster.Label);
        Assert.DoesNotContain("陈志强", cluster.Label);
        Assert.Equal([true, true, false, true], stored.Select(i => i.FlaggedRepeat));

        var again = await ImportAsync(officer, "当事人聚类.csv", file);
        Assert.Equal((0, 4), (again.Stored, again.Duplicates));
        Assert.Equal(4, await PartiesAsync(p));
        Assert.Equal(
            3,
            await app.Factory.WithDbAsync(db => db.RepeatClusters.Where(c => c.Id == cluster.Id).Select(c => c.IncidentCount).FirstAsync())
        );

        // A later file naming the same person joins the cluster.
        var later = await ImportAsync(
            officer,
            "当事人聚类2.csv",
            Csv(PartyHeader(1), [.. Incident(p + "0005", DaysAgo(1)), "", "", id, ""])
        );
        Assert.Equal(1, later.Stored);
        Assert.Equal(
            4,
            await app.Factory.WithDbAsync(db => db.RepeatClusters.Where(c => c.Id == cluster.Id).Select(c => c.IncidentCount).FirstAsync())
        );
    }

    [Fact]
    public async Task An_import_with_parties_killed_halfway_stores_no_party_and_run_again_stores_each_once()
    {
        var p = Prefix();
        var file = Csv(
            PartyHeader(1),
            [.. Incident(p + "0001", DaysAgo(3), "T-S1"), "", "吴某", NewIdNumber(), ""],
            [.. Incident(p + "0002", DaysAgo(2), "T-S1"), "", "郑某", "", NewPhone()],
            [.. Incident(p + "0003", DaysAgo(1), "T-S1"), "证人", "冯某", "", ""]
        );
        await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var userId = app.World.UserIds["leader1"];
            var user = new ScopedImporter(userId, await DataScopeResolver.ResolveAsync(db, userId));
            var service = new IncidentImportService(
                db,
                user,
                sp.GetRequiredService<PersonalDataProtector>(),
                sp.GetRequiredService<AddressNormalizer>(),
                sp.GetRequiredService<IBulkWriter>(),
                sp.GetRequiredService<IDatabaseErrors>(),
                sp.GetServices<IIncidentIntakeStep>(),
                Microsoft.Extensions.Options.Options.Create(new IncidentImportOptions { BlockRows = 1 })
            )
            {
                // The first incident and its party are written when the process dies.
                AfterFirstBlock = _ => throw new IOException("process killed"),
            };
            await Assert.ThrowsAsync<IOException>(() => service.ImportAsync("当事人中断.csv", new MemoryStream(file)));
            return true;
        });
        Assert.Empty(await StoredAsync(p));
        Assert.Equal(0, await PartiesAsync(p));

        var done = await ImportAsync(await app.As("leader1"), "当事人中断.csv", file);
        Assert.Equal((IncidentImportStatus.Done, 3), (done.Status, done.Stored));
        Assert.Equal([1, 1, 1], (await StoredAsync(p)).Select(i => i.Parties.Count));
        Assert.Equal(3, await PartiesAsync(p));
    }

    [Fact]
    public async Task The_template_has_the_party_columns_and_a_file_with_a_sixth_party_is_refused()
    {
        var officer = await app.As("officer1");
        var csv = Encoding.UTF8.GetString(
            await (await officer.GetAsync("/api/v1/incidents/import-template?format=csv")).Content.ReadAsByteArrayAsync()
        );
        var header = csv.TrimStart('\uFEFF').Split("\r\n")[0].Split(',');
        Assert.Equal(T.TemplateColumns.Select(c => c.Header), header);
        Assert.Equal(
            ["当事人1身份", "当事人1姓名", "当事人1身份证号", "当事人1联系电话"],
            header[IncidentHeaders.Length..(IncidentHeaders.Length + 4)]
        );
        Assert.EndsWith("当事人3联系电话", header[^1]);
        // The template's example row imports as it stands (its party's ID number is valid).
        var example = T.TemplateColumns.Single(c => c.Header == "当事人1身份证号").Example;
        Assert.True(CitizenId.Parse(example).IsValid);

        var p = Prefix();
        var header6 = string.Join(",", IncidentHeaders.Append("当事人6姓名"));
        var before = await app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync());
        var refused = await ApiAssert.ProblemAsync(
            await UploadAsync(officer, "六人.csv", Csv(header6, [.. Incident(p + "0001", DaysAgo(1)), "某某"])),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("当事人6姓名", refused.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync()));
        Assert.Empty(await StoredAsync(p));

        // Other spellings of the party columns are read too.
        var id = NewIdNumber();
        var other = string.Join(",", IncidentHeaders.Concat(["当事人1角色", "当事人1姓名", "当事人1身份证号码", "当事人1电话"]));
        var batch = await ImportAsync(officer, "别名.csv", Csv(other, [.. Incident(p + "0002", DaysAgo(1)), "证人", "褚某", id, ""]));
        Assert.Equal(1, batch.Stored);
        var party = Assert.Single(Assert.Single(await StoredAsync(p)).Parties);
        Assert.Equal(IncidentPartyRole.Witness, party.Role);
        Assert.NotNull(party.IdNumberHash);
    }

    [Fact]
    public async Task Party_columns_without_a_number_are_the_first_party_and_two_columns_for_one_cell_are_refused()
    {
        var officer = await app.As("officer1");
        var p = Prefix();
        var id = NewIdNumber();
        var phone = NewPhone();
        var plain = string.Join(",", IncidentHeaders.Concat(["当事人身份", "当事人姓名", "当事人身份证号", "当事人电话", "当事人2姓名"]));
        var batch = await ImportAsync(
            officer,
            "无序号.csv",
            Csv(plain, [.. Incident(p + "0001", DaysAgo(1)), "嫌疑人", "蒋某", id, phone, "沈某"])
        );
        Assert.Equal(1, batch.Stored);
        var parties = Assert.Single(await StoredAsync(p)).Parties.OrderBy(x => x.Position).ToList();
        Assert.Equal(2, parties.Count);
        Assert.Equal(IncidentPartyRole.Suspect, parties[0].Role);
        Assert.NotNull(parties[0].IdNumberHash);
        Assert.NotNull(parties[0].PhoneHash);
        Assert.Null(parties[1].IdNumberHash);

        // 当事人姓名 beside 当事人1姓名 (and 电话 beside 联系电话) are the same cell twice: the file is refused, naming both.
        var before = await app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync());
        var twice = string.Join(",", IncidentHeaders.Concat(["当事人姓名", "当事人1姓名", "当事人2电话", "当事人2联系电话"]));
        var refused = await ApiAssert.ProblemAsync(
            await UploadAsync(
                officer,
                "重复列.csv",
                Csv(twice, [.. Incident(p + "0002", DaysAgo(1)), "甲某", "乙某", NewPhone(), NewPhone()])
            ),
            HttpStatusCode.UnprocessableEntity
        );
        var message = refused.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Contains("当事人姓名 与 当事人1姓名", message);
        Assert.Contains("当事人2电话 与 当事人2联系电话", message);
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync()));
        Assert.Single(await StoredAsync(p));
    }

    [Fact]
    public async Task An_Excel_file_takes_parties_and_an_ID_number_Excel_stored_as_a_number_is_explained()
    {
        var p = Prefix();
        var officer = await app.As("officer1");
        var id = NewIdNumber();
        Dictionary<string, object?> Row(int n, object idCell)
        {
            var row = IncidentHeaders.Zip(Incident($"{p}{n:0000}", DaysAgo(n))).ToDictionary(c => c.First, c => (object?)c.Second);
            row[T.PartyHeader(1, T.PartyRole)] = "受害人";
            row[T.PartyHeader(1, T.PartyName)] = "卫某某";
            row[T.PartyHeader(1, T.PartyIdNumber)] = idCell;
            row[T.PartyHeader(1, T.PartyPhone)] = null;
            return row;
        }
        using var xlsx = new MemoryStream();
        // A number cell holds 15 significant digits: 330102199001011234 comes back as 330102199001011000.
        await xlsx.SaveAsAsync(new[] { Row(1, id), Row(2, 330102199001011234d) });
        var batch = await ImportAsync(officer, "当事人.xlsx", xlsx.ToArray());
        Assert.Equal((1, 1), (batch.Stored, batch.Invalid));
        var party = Assert.Single(Assert.Single(await StoredAsync(p)).Parties);
        Assert.Equal(IncidentPartyRole.Victim, party.Role);
        var error = Assert.Single(
            (
                await ApiAssert.OkAsync<PagedResult<IncidentImportErrorView>>(
                    await officer.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=json")
                )
            ).Items
        );
        Assert.Equal((3, "当事人1身份证号"), (error.Row, error.Field));
        Assert.Contains("文本", error.Reason);
    }
}
