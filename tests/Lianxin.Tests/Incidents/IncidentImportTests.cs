using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Data.SharedFiles;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Import;
using Lianxin.Tests.Support;
using Lianxin.Web.Incidents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using static Lianxin.Tests.Support.IncidentImportUploads;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentImportSqliteTests(SqliteApp app) : IncidentImportTests(app), IClassFixture<SqliteApp>;

public sealed class IncidentImportPostgresTests(PostgresApp app) : IncidentImportTests(app), IClassFixture<PostgresApp>;

public abstract class IncidentImportTests(AppFixture app)
{
    private static readonly string Header = string.Join(",", IncidentImportTemplate.Columns.Select(c => c.Header));

    /// <summary>A valid row in template column order; the 110 number is prefix + n.</summary>
    private static string Row(
        string prefix,
        int n,
        string unit = "T-S1",
        string time = "2026-11-20 08:30:00",
        string category = "dispute",
        string type = "dispute.neighbour",
        string phone = "13800001234",
        string summary = "邻居装修噪音扰民"
    ) =>
        string.Join(
            ",",
            $"{prefix}{n:0000}",
            time,
            category,
            type,
            "",
            "王某某",
            phone,
            $"东港豪庭{n}号楼2单元501",
            "120.1",
            "30.2",
            summary,
            "民警到场调解",
            unit,
            "李警官",
            n % 2 == 0 ? "是" : "否",
            "有效"
        );

    private static string Csv(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    private static string Prefix() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private Task<int> CountAsync(string prefix) => app.Factory.WithDbAsync(db => db.Incidents.CountAsync(i => i.Number.StartsWith(prefix)));

    private Task<int> BatchesAsync() => app.Factory.WithDbAsync(db => db.IncidentImports.CountAsync());

    [Fact]
    public async Task Three_bad_rows_are_reported_by_row_field_and_reason_and_the_good_rows_are_stored()
    {
        var p = Prefix();
        var leader = await app.As("leader1");
        var csv = Csv(
            Row(p, 1),
            Row(p, 2),
            Row(p, 3, time: "26/11/2026"),
            Row(p, 4, category: "no-such-category"),
            Row(p, 5),
            Row(p, 6, phone: "12345"),
            Row(p, 7)
        );
        var batch = await ImportAsync(leader, "警情0126.csv", Utf8(csv));

        Assert.Equal(IncidentImportStatus.Done, batch.Status);
        Assert.Equal((7, 4, 0, 3), (batch.Rows, batch.Stored, batch.Duplicates, batch.Invalid));
        Assert.Equal("UTF-8", batch.Encoding);
        var errors = await ApiAssert.OkAsync<PagedResult<IncidentImportErrorView>>(
            await leader.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=json")
        );
        Assert.Equal(3, errors.Total);
        Assert.Contains(errors.Items, e => e.Row == 4 && e.Field == "接警时间" && e.Reason.Contains("格式"));
        Assert.Contains(errors.Items, e => e.Row == 5 && e.Field == "警情类别" && e.Value == "no-such-category");
        var phone = Assert.Single(errors.Items, e => e.Row == 7);
        Assert.Equal("报警电话", phone.Field);
        Assert.DoesNotContain("12345", phone.Value ?? "");

        var report = await leader.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=csv");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var text = Encoding.UTF8.GetString(await report.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        Assert.StartsWith("行号,列,内容,原因", text);
        Assert.Contains("4,接警时间,", text);
        var xlsx = await leader.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=xlsx");
        var sheet = MiniExcel
            .Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        Assert.Equal(3, sheet.Count);
        Assert.Contains(sheet, r => Convert.ToInt32(r["行号"]) == 5 && (string?)r["列"] == "警情类别");

        var stored = await app.Factory.WithDbAsync(db =>
            db.Incidents.AsNoTracking().Where(i => i.Number.StartsWith(p)).OrderBy(i => i.Number).ToListAsync()
        );
        Assert.Equal([p + "0001", p + "0002", p + "0005", p + "0007"], stored.Select(i => i.Number));
        var first = stored[0];
        Assert.Equal(IncidentSource.Import, first.Source);
        Assert.Equal(batch.Id, first.ImportBatchId);
        Assert.Null(first.PlaceId);
        Assert.Equal(app.World.Stations[0].Id, first.HandlingUnitId);
        Assert.Equal(app.World.Stations[0].Id, first.OrgUnitId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 0, 30, 0, TimeSpan.Zero), first.ReceivedAt);
        Assert.Equal(("dispute", "dispute.neighbour"), (first.CategoryCode, first.TypeCode));
        Assert.Equal("138****1234", first.CallerPhoneMasked);
        Assert.NotNull(first.CallerPhoneHash);
        Assert.NotNull(first.AddressKey);
        Assert.True(stored[1].Preventable);
        await app.Factory.WithScopeAsync(sp =>
        {
            var protector = sp.GetRequiredService<PersonalDataProtector>();
            Assert.Equal("13800001234", protector.Reveal(first.CallerPhone));
            Assert.Equal("王某某", protector.Reveal(first.CallerName));
            Assert.Equal(protector.BlindIndex("13800001234"), first.CallerPhoneHash);
            return Task.FromResult(true);
        });
        Assert.False(File.Exists(KeptFile(batch.Id)));
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing_and_counts_every_row_as_a_duplicate()
    {
        var p = Prefix();
        var leader = await app.As("leader1");
        var file = Utf8(Csv(Row(p, 1), Row(p, 2), Row(p, 3), Row(p, 1)));
        var first = await ImportAsync(leader, "a.csv", file);
        Assert.Equal((4, 3, 1), (first.Rows, first.Stored, first.Duplicates));
        var again = await ImportAsync(leader, "a.csv", file);
        Assert.NotEqual(first.Id, again.Id);
        Assert.Equal((4, 0, 4, 0), (again.Rows, again.Stored, again.Duplicates, again.Invalid));
        // A file overlapping the first adds only its new numbers.
        var overlap = await ImportAsync(leader, "b.csv", Utf8(Csv(Row(p, 3), Row(p, 4))));
        Assert.Equal((1, 1), (overlap.Stored, overlap.Duplicates));
        Assert.Equal(4, await CountAsync(p));

        var list = await ApiAssert.OkAsync<PagedResult<IncidentImportView>>(
            await leader.GetAsync("/api/v1/incidents/imports?page=1&pageSize=200")
        );
        Assert.Contains(list.Items, b => b.Id == again.Id && b.Duplicates == 4);
        var one = await ApiAssert.OkAsync<IncidentImportView>(await leader.GetAsync($"/api/v1/incidents/imports/{first.Id}"));
        Assert.Equal(first.Sha256, one.Sha256);
        // Station 2 sees nothing of station 1's batches.
        var other = await app.As("leader2");
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/incidents/imports/{first.Id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await other.GetAsync($"/api/v1/incidents/imports/{first.Id}/errors?format=csv"),
            HttpStatusCode.NotFound
        );
        var theirs = await ApiAssert.OkAsync<PagedResult<IncidentImportView>>(await other.GetAsync("/api/v1/incidents/imports"));
        Assert.DoesNotContain(theirs.Items, b => b.Id == first.Id);
    }

    [Fact]
    public async Task A_GBK_file_from_a_110_system_is_read_in_Chinese()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var p = Prefix();
        var leader = await app.As("leader1");
        var gbk = Encoding
            .GetEncoding("GBK")
            .GetBytes(Csv(Row(p, 1, summary: "村民反映有人在河道非法采砂"), Row(p, 2, category: "纠纷警情", type: "邻里纠纷")));
        var batch = await ImportAsync(leader, "gbk.csv", gbk);
        Assert.Equal((2, 0), (batch.Stored, batch.Invalid));
        Assert.Equal("GB18030", batch.Encoding);
        var stored = await app.Factory.WithDbAsync(db =>
            db.Incidents.AsNoTracking().Where(i => i.Number.StartsWith(p)).OrderBy(i => i.Number).ToListAsync()
        );
        Assert.Equal("村民反映有人在河道非法采砂", stored[0].Summary);
        Assert.Equal("东港豪庭1号楼2单元501", stored[0].Address);
        // Categories may be given by name as well as by code.
        Assert.Equal(("dispute", "dispute.neighbour"), (stored[1].CategoryCode, stored[1].TypeCode));
    }

    [Fact]
    public async Task An_Excel_file_is_imported_and_the_templates_download()
    {
        var p = Prefix();
        var leader = await app.As("leader1");
        var rows = Enumerable
            .Range(1, 3)
            .Select(n =>
                IncidentImportTemplate.Columns.ToDictionary(
                    c => c.Header,
                    c =>
                        (object?)(
                            c.Header switch
                            {
                                IncidentImportTemplate.Number => $"{p}{n:0000}",
                                IncidentImportTemplate.ReceivedAt => (object)new DateTime(2026, 11, 21, 9, n, 0),
                                IncidentImportTemplate.HandlingUnit => "T-D1",
                                IncidentImportTemplate.Longitude => 120.5,
                                IncidentImportTemplate.Latitude => 30.5,
                                _ => c.Example,
                            }
                        )
                )
            )
            .ToList();
        using var xlsx = new MemoryStream();
        await xlsx.SaveAsAsync(rows);
        var batch = await ImportAsync(leader, "警情.xlsx", xlsx.ToArray());
        Assert.Equal((3, 3, 0), (batch.Rows, batch.Stored, batch.Invalid));
        Assert.Equal(ImportFileFormat.Xlsx, batch.Format);
        var first = await app.Factory.WithDbAsync(db => db.Incidents.AsNoTracking().FirstAsync(i => i.Number == p + "0001"));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 1, 1, 0, TimeSpan.Zero), first.ReceivedAt);
        Assert.Equal(app.World.Districts[0].Id, first.OrgUnitId);
        Assert.Equal(120.5, first.Longitude);

        var csv = await leader.GetAsync("/api/v1/incidents/import-template?format=csv");
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith(
            "\uFEFF警情编号,接警时间,警情类别,警情类型,警情细类,报警人,报警电话,发生地址,经度,纬度,简要警情,处置情况,处警单位编码,处警民警,可防性,警情性质",
            text
        );
        var template = await leader.GetAsync("/api/v1/incidents/import-template?format=xlsx");
        var header = MiniExcel
            .Query(await template.Content.ReadAsStreamAsync(), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .First()
            .Keys;
        Assert.Equal(IncidentImportTemplate.TemplateColumns.Select(c => c.Header), header);
    }

    [Fact]
    public async Task An_import_killed_after_writing_part_of_the_file_stores_nothing_and_sending_the_file_again_completes_it()
    {
        var p = Prefix();
        var file = Utf8(Csv(Row(p, 1), Row(p, 2), Row(p, 3, unit: "NO-SUCH-UNIT")));
        await WithServiceAsync(
            async s =>
            {
                // One row per block: the first incident is written (and counted, and repeat-checked) when the process dies.
                s.AfterFirstBlock = _ => throw new IOException("process killed");
                await Assert.ThrowsAsync<IOException>(() => s.ImportAsync("killed.csv", new MemoryStream(file)));
                return true;
            },
            blockRows: 1
        );
        var killed = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.FileName == "killed.csv"));
        Assert.Equal(IncidentImportStatus.Reading, killed.Status);
        Assert.Equal(0, await CountAsync(p));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.IncidentImportErrors.CountAsync(e => e.BatchId == killed.Id)));
        Assert.True(File.Exists(KeptFile(killed.Id)));

        var leader = await app.As("leader1");
        var done = await ImportAsync(leader, "killed.csv", file);
        Assert.Equal(killed.Id, done.Id);
        Assert.Equal((IncidentImportStatus.Done, 3, 2, 0, 1), (done.Status, done.Rows, done.Stored, done.Duplicates, done.Invalid));
        Assert.Equal(2, await CountAsync(p));
        Assert.False(File.Exists(KeptFile(killed.Id)));
        // Run once more, the finished batch changes nothing.
        var again = await ApiAssert.OkAsync<IncidentImportView>(
            await leader.PostAsync($"/api/v1/incidents/imports/{killed.Id}/resume", null)
        );
        Assert.Equal((IncidentImportStatus.Done, 2), (again.Status, again.Stored));
        Assert.Equal(2, await CountAsync(p));
    }

    [Fact]
    public async Task An_import_interrupted_on_one_node_is_finished_on_another_from_the_copy_in_the_database()
    {
        var p = Prefix();
        var file = Utf8(Csv(Row(p, 1), Row(p, 2), Row(p, 3)));
        await WithServiceAsync(
            async s =>
            {
                s.AfterFirstBlock = _ => throw new IOException("node killed");
                await Assert.ThrowsAsync<IOException>(() => s.ImportAsync("node-a.csv", new MemoryStream(file)));
                return true;
            },
            blockRows: 1,
            shared: true
        );
        var open = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.FileName == "node-a.csv"));
        var postgres = app.Factory.Database.Kind == DbKind.Postgres;
        // The node that began it is gone with its folder; on PostgreSQL the upload is in the database for any node.
        File.Delete(KeptFile(open.Id));
        var stored = await app.Factory.WithDbAsync(db => db.Set<SharedFile>().AsNoTracking().SingleOrDefaultAsync(f => f.Id == open.Id));
        Assert.Equal(postgres, stored is not null);
        Assert.Equal(file.Length, stored?.Length ?? file.Length);

        var leader = await app.As("leader1");
        var resumed = await leader.PostAsync($"/api/v1/incidents/imports/{open.Id}/resume", null);
        if (!postgres)
        {
            // One SQLite node: its folder is the store, and without the file staff are asked to send it again.
            await ApiAssert.ProblemAsync(resumed, HttpStatusCode.Conflict);
            Assert.Equal(0, await CountAsync(p));
            return;
        }
        var done = await ApiAssert.OkAsync<IncidentImportView>(resumed);
        Assert.Equal((IncidentImportStatus.Done, 3), (done.Status, done.Stored));
        Assert.Equal(3, await CountAsync(p));
        // Done: neither the folder nor the database keeps the upload.
        Assert.False(File.Exists(KeptFile(open.Id)));
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.Set<SharedFileChunk>().CountAsync(c => c.FileId == open.Id)));
        Assert.False(await app.Factory.WithDbAsync(db => db.Set<SharedFile>().AnyAsync(f => f.Id == open.Id)));
    }

    [Fact]
    public async Task An_import_that_fails_just_before_it_commits_leaves_nothing_and_is_run_again_from_its_kept_file()
    {
        var p = Prefix();
        var file = Utf8(Csv(Row(p, 1), Row(p, 2), Row(p, 3)));
        await WithServiceAsync(async s =>
        {
            s.BeforeCommit = _ => throw new IOException("killed during the insert");
            await Assert.ThrowsAsync<IOException>(() => s.ImportAsync("midway.csv", new MemoryStream(file)));
            return true;
        });
        Assert.Equal(0, await CountAsync(p));
        var open = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.FileName == "midway.csv"));
        Assert.Equal(IncidentImportStatus.Reading, open.Status);

        var leader = await app.As("leader1");
        // Another station cannot run it.
        await ApiAssert.ProblemAsync(
            await (await app.As("leader2")).PostAsync($"/api/v1/incidents/imports/{open.Id}/resume", null),
            HttpStatusCode.NotFound
        );
        // Without its file on the server, staff are told to send it again, and nothing changes.
        var aside = KeptFile(open.Id) + ".aside";
        File.Move(KeptFile(open.Id), aside);
        await ApiAssert.ProblemAsync(await leader.PostAsync($"/api/v1/incidents/imports/{open.Id}/resume", null), HttpStatusCode.Conflict);
        File.Move(aside, KeptFile(open.Id));
        Assert.Equal(0, await CountAsync(p));

        var done = await ApiAssert.OkAsync<IncidentImportView>(await leader.PostAsync($"/api/v1/incidents/imports/{open.Id}/resume", null));
        Assert.Equal((IncidentImportStatus.Done, 3), (done.Status, done.Stored));
        var again = await ApiAssert.OkAsync<IncidentImportView>(
            await leader.PostAsync($"/api/v1/incidents/imports/{open.Id}/resume", null)
        );
        Assert.Equal(3, again.Stored);
        Assert.Equal(3, await CountAsync(p));
    }

    [Fact]
    public async Task Start_up_runs_an_interrupted_import_again_as_its_importer()
    {
        var p = Prefix();
        var file = Utf8(Csv(Row(p, 1), Row(p, 2), Row(p, 3, unit: "T-S2")));
        await WithServiceAsync(async s =>
        {
            s.BeforeCommit = _ => throw new IOException("server stopped");
            await Assert.ThrowsAsync<IOException>(() => s.ImportAsync("restart.csv", new MemoryStream(file)));
            return true;
        });
        var open = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.FileName == "restart.csv"));
        Assert.Equal(0, await CountAsync(p));

        var recovery = app
            .Factory.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>()
            .OfType<IncidentImportRecovery>()
            .Single();
        Assert.True(await recovery.RunOnceAsync(default) >= 1);
        var done = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.Id == open.Id));
        // leader1's scope, as when it was sent: the other station's row is refused again.
        Assert.Equal((IncidentImportStatus.Done, 2, 1), (done.Status, done.Stored, done.Invalid));
        Assert.Equal(2, await CountAsync(p));
        Assert.False(File.Exists(KeptFile(open.Id)));
        Assert.Equal(0, await recovery.RunOnceAsync(default));
    }

    [Fact]
    public async Task A_unique_violation_during_the_run_runs_the_batch_again_on_either_database()
    {
        // Another intake path storing one of the file's numbers meanwhile ends in a unique violation at the database;
        // here a real one is raised inside the import's transaction on its first run.
        var p = Prefix();
        var taken = "imp-" + Guid.NewGuid().ToString("N")[..20];
        await app.Factory.WithDbAsync(db =>
        {
            db.RollupStates.Add(new RollupState { Name = taken, BuiltAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var runs = 0;
        var batch = await WithServiceAsync(s =>
        {
            s.BeforeCommit = async _ =>
            {
                if (++runs > 1)
                    return;
                var now = DateTimeOffset.UtcNow;
                await s.Db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"RollupStates\" (\"Name\", \"Version\", \"BuiltAt\", \"Rows\") VALUES ({taken}, 0, {now}, 0)"
                );
            };
            return s.ImportAsync("retry.csv", new MemoryStream(Utf8(Csv(Row(p, 1), Row(p, 2)))));
        });
        Assert.Equal(2, runs);
        Assert.Equal((IncidentImportStatus.Done, 2), (batch.Status, batch.Stored));
        Assert.Equal(2, await CountAsync(p));
    }

    [Fact]
    public async Task A_file_full_of_repeats_read_in_several_parts_sends_each_officer_one_summary()
    {
        var p = Prefix();
        var phone = "139" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Twenty-five calls from one phone within the window, handled in a village of officer1's district, read ten
        // rows at a time: three parts, one summary.
        var rows = Enumerable
            .Range(1, 25)
            .Select(n => Row(p, n, unit: "T-V1", phone: phone, time: $"2026-11-{1 + n % 20:00} 08:{n:00}:00"))
            .ToArray();
        var officerId = app.World.UserIds["officer1"];
        var before = await app.Factory.WithDbAsync(db =>
            db.Notifications.Where(n => n.UserId == officerId).Select(n => n.Id).ToListAsync()
        );
        var batch = await WithServiceAsync(s => s.ImportAsync("repeats.csv", new MemoryStream(Utf8(Csv(rows)))), blockRows: 10);
        Assert.Equal(25, batch.Stored);

        var told = await app.Factory.WithDbAsync(db =>
            db.Notifications.AsNoTracking().Where(n => n.UserId == officerId && !before.Contains(n.Id)).ToListAsync()
        );
        var summary = Assert.Single(told);
        Assert.Contains("汇总", summary.Title);
        Assert.Contains("25 起", summary.Body);
        Assert.Contains("1 组", summary.Body);
        Assert.Equal(25, await app.Factory.WithDbAsync(db => db.Incidents.CountAsync(i => i.Number.StartsWith(p) && i.FlaggedRepeat)));
    }

    /// <summary>Flags are decided before a part is written; a row whose number was stored already is then not written,
    /// and the row it made a repeat is unflagged by the check (the stored incident of that number is elsewhere).</summary>
    [Fact]
    public async Task A_row_flagged_before_it_is_written_because_of_a_number_stored_already_ends_unflagged()
    {
        var p = Prefix();
        string Phone() => $"136{Random.Shared.Next(10_000_000, 99_999_999)}";
        var street = Prefix() + "巷";
        var first = Row(p, 1, phone: Phone()).Replace("东港豪庭1号楼2单元501", $"{street}1号", StringComparison.Ordinal);
        await WithServiceAsync(s => s.ImportAsync("first.csv", new MemoryStream(Utf8(Csv(first)))));

        // The same number again at another address (a duplicate: not written), and a new call there an hour later: in the
        // part they look like two calls at one address.
        var rows = new[]
        {
            Row(p, 1, phone: Phone(), time: "2026-11-20 09:30:00")
                .Replace("东港豪庭1号楼2单元501", $"{street}8号", StringComparison.Ordinal),
            Row(p, 2, phone: Phone(), time: "2026-11-20 10:30:00")
                .Replace("东港豪庭2号楼2单元501", $"{street}8号", StringComparison.Ordinal),
        };
        var batch = await WithServiceAsync(s => s.ImportAsync("second.csv", new MemoryStream(Utf8(Csv(rows)))), blockRows: 10);
        Assert.Equal(1, batch.Stored);
        Assert.Equal(1, batch.Duplicates);
        var flagged = await app.Factory.WithDbAsync(db =>
            db.Incidents.Where(i => i.Number.StartsWith(p)).OrderBy(i => i.Number).Select(i => i.FlaggedRepeat).ToListAsync()
        );
        Assert.Equal([false, false], flagged);

        // A third call at that address within the window is a repeat of the second, and both are flagged.
        var third = Row(p, 3, phone: Phone(), time: "2026-11-21 10:30:00")
            .Replace("东港豪庭3号楼2单元501", $"{street}8号", StringComparison.Ordinal);
        await WithServiceAsync(s => s.ImportAsync("third.csv", new MemoryStream(Utf8(Csv(third)))), blockRows: 10);
        flagged = await app.Factory.WithDbAsync(db =>
            db.Incidents.Where(i => i.Number.StartsWith(p)).OrderBy(i => i.Number).Select(i => i.FlaggedRepeat).ToListAsync()
        );
        Assert.Equal([false, true, true], flagged);
    }

    [Fact]
    public async Task A_file_forming_several_clusters_in_several_parts_writes_one_audit_line_for_its_clusters_with_the_counts()
    {
        var p = Prefix();
        var street = string.Concat(Enumerable.Range(0, 4).Select(_ => "东南西北春夏秋冬梅兰竹菊山水林田"[Random.Shared.Next(16)])) + "路";
        var before = await app.Factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Seq)) ?? 0;
        // Four addresses, twelve calls each from phones that never repeat, read ten rows at a time: four address
        // clusters, each opened in the first part and grown in every later one.
        var rows = Enumerable
            .Range(1, 48)
            .Select(n =>
                Row(p, n, phone: $"137{Random.Shared.Next(10_000_000, 99_999_999)}", time: $"2026-11-{1 + n / 4:00} 09:{n:00}:00")
                    .Replace($"东港豪庭{n}号楼2单元501", $"{street}{n % 4 + 1}号", StringComparison.Ordinal)
            )
            .ToArray();
        var batch = await WithServiceAsync(s => s.ImportAsync("clusters.csv", new MemoryStream(Utf8(Csv(rows)))), blockRows: 10);
        Assert.Equal(48, batch.Stored);
        Assert.Equal(48, await app.Factory.WithDbAsync(db => db.Incidents.CountAsync(i => i.Number.StartsWith(p) && i.FlaggedRepeat)));

        var lines = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.Seq > before).OrderBy(a => a.Seq).ToListAsync()
        );
        var clusterLines = lines
            .Where(a => a.EntityType is nameof(Core.Incidents.Repeats.RepeatCluster) or nameof(Core.Incidents.Repeats.RepeatClusterMember))
            .ToList();
        var line = Assert.Single(clusterLines);
        Assert.Equal(AuditAction.Import, line.Action);
        Assert.Equal("导入后重复警情聚类：新建 4 个，更新 0 个", line.Summary);
        // Besides it, the import's own line and its batch's: a few lines for 48 incidents, whatever the number of parts.
        Assert.Contains(lines, a => a.Action == AuditAction.Import && a.EntityType == nameof(Incident));
        Assert.True(lines.Count <= 4, string.Join("\n", lines.Select(a => $"{a.Action} {a.EntityType} {a.Summary}")));
        var chain = await app.Factory.WithDbAsync(db =>
            AuditChain.VerifyAsync(db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable())
        );
        Assert.True(chain.Intact, chain.Reason);

        // A second file adding to the same four clusters counts them as updated.
        var more = Enumerable
            .Range(49, 12)
            .Select(n =>
                Row(p, n, phone: $"137{Random.Shared.Next(10_000_000, 99_999_999)}", time: "2026-11-14 10:00:00")
                    .Replace($"东港豪庭{n}号楼2单元501", $"{street}{n % 4 + 1}号", StringComparison.Ordinal)
            )
            .ToArray();
        var seen = await app.Factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Seq));
        await WithServiceAsync(s => s.ImportAsync("clusters-more.csv", new MemoryStream(Utf8(Csv(more)))), blockRows: 5);
        var again = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Seq > seen && a.EntityType == nameof(Core.Incidents.Repeats.RepeatCluster))
                .ToListAsync()
        );
        Assert.Equal("导入后重复警情聚类：新建 0 个，更新 4 个", Assert.Single(again).Summary);
    }

    [Fact]
    public async Task Files_no_longer_needed_are_removed_and_a_batch_unfinished_for_a_week_is_given_up()
    {
        var p = Prefix();
        await WithServiceAsync(async s =>
        {
            s.BeforeCommit = _ => throw new IOException("server stopped");
            await Assert.ThrowsAsync<IOException>(() => s.ImportAsync("week-old.csv", new MemoryStream(Utf8(Csv(Row(p, 1))))));
            return true;
        });
        var old = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.FileName == "week-old.csv"));
        var weekAgo = old.StartedAt.AddDays(-8);
        await app.Factory.WithDbAsync(db =>
            db.IncidentImports.Where(b => b.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(b => b.StartedAt, weekAgo))
        );
        var done = await ImportAsync(await app.As("leader1"), "done.csv", Utf8(Csv(Row(p, 2))));
        await File.WriteAllTextAsync(KeptFile(done.Id), "left behind");
        var stranger = KeptFile(Guid.NewGuid());
        await File.WriteAllTextAsync(stranger, "another installation's");

        var removed = await app.Factory.WithDbAsync(db =>
            IncidentImportService.TidyWorkDirectoryAsync(db, new IncidentImportOptions(), default)
        );
        Assert.True(removed >= 2);
        Assert.False(File.Exists(KeptFile(old.Id)));
        Assert.False(File.Exists(KeptFile(done.Id)));
        Assert.True(File.Exists(stranger));
        File.Delete(stranger);
        var given = await app.Factory.WithDbAsync(db => db.IncidentImports.AsNoTracking().SingleAsync(b => b.Id == old.Id));
        Assert.Equal(IncidentImportStatus.Failed, given.Status);
        Assert.Contains("重新上传", given.Failure);
        Assert.Equal(0, await CountAsync(p + "0001"));
    }

    private static string KeptFile(Guid batchId) => IncidentImportService.KeptFile(new IncidentImportOptions(), batchId);

    [Fact]
    public async Task Oversized_or_wrong_files_are_refused_and_nothing_is_written()
    {
        var leader = await app.As("leader1");
        var before = await BatchesAsync();
        var p = Prefix();
        var csv = Utf8(Csv(Row(p, 1)));

        await ApiAssert.ProblemAsync(await UploadAsync(leader, "警情.txt", csv), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(await UploadAsync(leader, "警情.xlsx", csv), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await UploadAsync(leader, "警情.csv", [0x50, 0x4B, 0x03, 0x04, 0, 0, 1, 2]),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await UploadAsync(leader, "警情.csv", Utf8("编号,时间\r\n1,2\r\n")),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(await UploadAsync(leader, "警情.csv", []), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await leader.PostAsync("/api/v1/incidents/imports", new StringContent("{}", Encoding.UTF8, "application/json")),
            HttpStatusCode.UnprocessableEntity
        );

        // Declared larger than the limit: refused before a byte is read.
        using (var big = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/imports"))
        {
            big.Content = new ByteArrayContent(csv);
            big.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            big.Content.Headers.ContentLength = 400L * 1024 * 1024;
            using var response = await leader.SendAsync(big);
            await ApiAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        }
        // Larger than the limit while being read.
        await WithServiceAsync(async s =>
        {
            var small = new IncidentImportService(
                s.Db,
                s.User,
                s.Protector,
                s.Addresses,
                s.Bulk,
                s.Errors,
                [],
                Microsoft.Extensions.Options.Options.Create(new IncidentImportOptions { MaxBytes = 100 })
            );
            await Assert.ThrowsAsync<PayloadTooLargeException>(() => small.ImportAsync("big.csv", new MemoryStream(csv)));
            return true;
        });
        // Not allowed to register incidents.
        await ApiAssert.ProblemAsync(await UploadAsync(await app.As("volunteer1"), "警情.csv", csv), HttpStatusCode.Forbidden);

        Assert.Equal(before, await BatchesAsync());
        Assert.Equal(0, await CountAsync(p));
    }

    [Fact]
    public async Task A_handling_unit_outside_the_importers_scope_makes_the_row_invalid()
    {
        var p = Prefix();
        var officer = await app.As("officer1");
        var batch = await ImportAsync(
            officer,
            "scope.csv",
            Utf8(Csv(Row(p, 1, unit: "T-V1"), Row(p, 2, unit: "T-S2"), Row(p, 3, unit: "T-S1")))
        );
        Assert.Equal((1, 2), (batch.Stored, batch.Invalid));
        var errors = await ApiAssert.OkAsync<PagedResult<IncidentImportErrorView>>(
            await officer.GetAsync($"/api/v1/incidents/imports/{batch.Id}/errors?format=json")
        );
        Assert.All(errors.Items, e => Assert.Equal("处警单位编码", e.Field));
        Assert.Contains(errors.Items, e => e.Row == 3 && e.Reason.Contains("管辖范围"));
        Assert.Equal(1, await CountAsync(p));
    }

    /// <summary>The import service acting as leader1, outside HTTP, so a test can stop it where a crash would.</summary>
    private Task<T> WithServiceAsync<T>(Func<TestImportService, Task<T>> work, int blockRows = 10_000, bool shared = false) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var userId = app.World.UserIds["leader1"];
            var scope = await DataScopeResolver.ResolveAsync(db, userId);
            var user = new ScopedImporter(userId, scope);
            var s = new TestImportService(
                db,
                user,
                sp.GetRequiredService<PersonalDataProtector>(),
                sp.GetRequiredService<AddressNormalizer>(),
                sp.GetRequiredService<IBulkWriter>(),
                sp.GetRequiredService<IDatabaseErrors>(),
                sp.GetServices<IIncidentIntakeStep>(),
                blockRows,
                shared ? sp.GetRequiredService<SharedFileStore>() : null
            );
            return await work(s);
        });

    private sealed class TestImportService(
        LianxinDbContext db,
        ICurrentUser user,
        PersonalDataProtector protector,
        AddressNormalizer addresses,
        IBulkWriter bulk,
        IDatabaseErrors errors,
        IEnumerable<IIncidentIntakeStep> steps,
        int blockRows,
        SharedFileStore? shared
    )
    {
        private readonly IncidentImportService _service = new(
            db,
            user,
            protector,
            addresses,
            bulk,
            errors,
            steps,
            Microsoft.Extensions.Options.Options.Create(new IncidentImportOptions { BlockRows = blockRows }),
            shared: shared
        );

        public LianxinDbContext Db => db;
        public ICurrentUser User => user;
        public PersonalDataProtector Protector => protector;
        public AddressNormalizer Addresses => addresses;
        public IBulkWriter Bulk => bulk;
        public IDatabaseErrors Errors => errors;

        public Func<IncidentImport, Task>? AfterFirstBlock
        {
            set => _service.AfterFirstBlock = value;
        }
        public Func<IncidentImport, Task>? BeforeCommit
        {
            set => _service.BeforeCommit = value;
        }

        public Task<IncidentImportView> ImportAsync(string name, Stream content) => _service.ImportAsync(name, content);
    }
}
