using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Data.SharedFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Incidents.Import;

/// <summary>Imports 110 incidents from a CSV (UTF-8 or GB18030) or .xlsx file. The upload is kept on disk until its
/// batch is done, and on PostgreSQL also in the database (<see cref="SharedFileStore"/>), so any node can finish a batch
/// that another node began and lost. Every row is checked; in ONE transaction the valid rows whose 110 number is not stored yet are
/// placed, bulk-written to the incident table block by block (binary COPY on PostgreSQL), handed to the intake
/// steps (statistics, repeat check), and the batch is marked done. So an import either adds everything it should
/// or nothing: sending the same file again adds nothing, and an import interrupted anywhere is run again from the
/// kept file (or the file sent again) without losing or doubling a row.</summary>
public sealed class IncidentImportService(
    LianxinDbContext db,
    ICurrentUser user,
    PersonalDataProtector protector,
    AddressNormalizer addresses,
    IBulkWriter bulk,
    IDatabaseErrors databaseErrors,
    IEnumerable<IIncidentIntakeStep> steps,
    IOptions<IncidentImportOptions> options,
    IncidentPlacer? placer = null,
    SharedFileStore? shared = null
)
{
    static IncidentImportService() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private IncidentImportOptions Options => options.Value;

    /// <summary>Time spent in each phase of the last import, for the benchmark's breakdown.</summary>
    internal Dictionary<string, TimeSpan> Phases { get; } = [];

    private long _phaseStart;

    /// <summary>The SQLite page cache of the import's connection while it runs: 256 MB, filled only as used.</summary>
    private const string SqliteLargeCache = "PRAGMA cache_size = -262144";

    private void Phase(string name)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_phaseStart != 0)
            lock (Phases)
                Phases[name] = Phases.GetValueOrDefault(name) + System.Diagnostics.Stopwatch.GetElapsedTime(_phaseStart, now);
        _phaseStart = now;
    }

    /// <summary>Adds the time since the clock's last reading to a phase of the block writer (which runs beside the
    /// reading thread, so its phases overlap the others).</summary>
    private void WriterPhase(string name, System.Diagnostics.Stopwatch clock)
    {
        lock (Phases)
            Phases[name] = Phases.GetValueOrDefault(name) + clock.Elapsed;
        clock.Restart();
    }

    /// <summary>Called inside the import's transaction after the first block is written (tests use it to fail there).</summary>
    internal Func<IncidentImport, Task>? AfterFirstBlock { get; set; }

    /// <summary>Called inside the import's transaction just before it commits (tests use it to fail there).</summary>
    internal Func<IncidentImport, Task>? BeforeCommit { get; set; }

    public async Task<IncidentImportView> ImportAsync(
        string? fileName,
        Stream content,
        IProgress<int>? progress = null,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(content);
        user.Demand(Permissions.IncidentsRegister);
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0)
            throw new ValidationFailedException("file", "请选择要导入的文件");
        if (name.Length > TextLimits.Title)
            name = name[^TextLimits.Title..];
        var format = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" => ImportFileFormat.Csv,
            ".xlsx" => ImportFileFormat.Xlsx,
            _ => throw new ValidationFailedException("file", "仅支持 .csv 或 .xlsx 文件，请使用警情导入模板"),
        };
        var unitId = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.OrgUnitId).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("账号未设所属单位，不能导入警情");

        Directory.CreateDirectory(Options.WorkDirectory);
        var temp = Path.Combine(Options.WorkDirectory, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            Phases.Clear();
            _phaseStart = 0;
            Phase("start");
            var (size, sha, utf8) = await SpoolAsync(content, temp, ct);
            Phase("spool");
            if (size == 0)
                throw new ValidationFailedException("file", "文件是空的");
            var encoding = CheckContent(temp, format, utf8);
            var header = ReadHeader(temp, format, encoding);
            Phase("header");
            var missing = IncidentImportTemplate
                .Columns.Where(c => c.Required && !header.Contains(c.Header))
                .Select(c => c.Header)
                .ToList();
            if (missing.Count > 0)
                throw new ValidationFailedException("file", $"文件缺少必填列：{string.Join("、", missing)}。请使用警情导入模板");
            if (IncidentImportTemplate.PartyHeadersBeyondMax(header) is { Count: > 0 } beyond)
                throw new ValidationFailedException(
                    "file",
                    $"每行最多填 {IncidentImportTemplate.MaxParties} 名当事人（当事人1 至 当事人{IncidentImportTemplate.MaxParties}），"
                        + $"请删去或合并这些列：{string.Join("、", beyond.Take(10))}"
                );
            if (IncidentImportTemplate.PartyHeadersTwice(header) is { Count: > 0 } twice)
                throw new ValidationFailedException(
                    "file",
                    $"当事人列重复（不带序号的当事人列即当事人1）：{string.Join("；", twice.Take(10))}。请每名当事人的每一项只留一列"
                );

            // The same file sent again while its batch is unfinished runs that batch again.
            var scope = await user.GetScopeAsync(ct);
            var batch = await db.Set<IncidentImport>()
                .AsNoTracking()
                .Where(scope.Filter<IncidentImport>())
                .Where(b => b.Sha256 == sha && (b.Status == IncidentImportStatus.Reading || b.Status == IncidentImportStatus.Staged))
                .OrderBy(b => b.StartedAt)
                .FirstOrDefaultAsync(ct);
            if (batch is null)
            {
                batch = IncidentImport.Start(
                    name,
                    size,
                    sha,
                    format,
                    encoding?.WebName.ToUpperInvariant(),
                    user.UserId ?? "",
                    user.UserName,
                    unitId,
                    db.Now
                );
                db.Add(batch);
                await db.SaveChangesAsync(ct);
                db.Entry(batch).State = EntityState.Detached;
            }
            File.Move(temp, KeptFile(batch.Id), overwrite: true);
            if (shared is not null)
                await shared.PutAsync(batch.Id, SharedFileStore.IncidentImport, KeptFile(batch.Id), ct);
            Phase("keep");
            return await RunAsync(batch.Id, progress, ct);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Runs an unfinished batch again from its kept file; a finished batch is left as it is.</summary>
    public async Task<IncidentImportView> ResumeAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var batch = await FindAsync(id, ct);
        if (!batch.Status.IsUnfinished())
            return IncidentImportView.From(batch);
        // The batch may have begun on another node: its file is then in the database, not in this node's folder.
        if (!File.Exists(KeptFile(id)) && (shared is null || !await shared.GetAsync(id, KeptFile(id), ct)))
            throw new ConflictException("服务器上已没有该批次的原文件，请重新上传同一文件以继续导入（已入库的警情不会重复）");
        return await RunAsync(id, null, ct);
    }

    /// <summary>Unfinished batches whose file is kept on this server or in the database, oldest first: what start-up
    /// runs again. A batch another node is running at that moment is listed too; running it again waits for that node's
    /// run and then finds the batch done.</summary>
    public static async Task<IReadOnlyList<(Guid Id, string ImportedById)>> UnfinishedWithFileAsync(
        LianxinDbContext db,
        IncidentImportOptions options,
        CancellationToken ct,
        SharedFileStore? shared = null
    )
    {
        var stored = shared is null ? [] : (await shared.ListAsync(SharedFileStore.IncidentImport, ct)).ToHashSet();
        var open = await db.Set<IncidentImport>()
            .AsNoTracking()
            .Where(b => b.Status == IncidentImportStatus.Reading || b.Status == IncidentImportStatus.Staged)
            .OrderBy(b => b.StartedAt)
            .Select(b => new { b.Id, b.ImportedById })
            .ToListAsync(ct);
        return open.Where(b => stored.Contains(b.Id) || File.Exists(KeptFile(options, b.Id))).Select(b => (b.Id, b.ImportedById)).ToList();
    }

    /// <summary>How long the file of a batch that cannot be finished is kept before the batch is given up.</summary>
    public static readonly TimeSpan KeepUnfinished = TimeSpan.FromDays(7);

    /// <summary>Removes what an import no longer needs from the work directory: files of batches that are finished,
    /// uploads abandoned while being received (over a day old), and the files of batches still
    /// unfinished after <see cref="KeepUnfinished"/>, whose batches are then marked failed (staff send the file
    /// again). Returns the number of files removed.</summary>
    public static async Task<int> TidyWorkDirectoryAsync(
        LianxinDbContext db,
        IncidentImportOptions options,
        CancellationToken ct,
        SharedFileStore? shared = null
    )
    {
        var now = db.Now;
        var removed = 0;
        if (shared is not null)
            removed += await TidySharedAsync(db, shared, now, ct);
        if (!Directory.Exists(options.WorkDirectory))
            return removed;
        foreach (var path in Directory.EnumerateFiles(options.WorkDirectory))
        {
            var name = Path.GetFileName(path);
            var age = now - new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            if (name.StartsWith("upload-", StringComparison.Ordinal))
            {
                if (age > TimeSpan.FromDays(1))
                {
                    File.Delete(path);
                    removed++;
                }
                continue;
            }
            if (!name.EndsWith(KeptSuffix, StringComparison.Ordinal) || !Guid.TryParseExact(name[..^KeptSuffix.Length], "N", out var id))
                continue;
            // A file of a batch this database does not know is left alone (another installation may share the directory).
            if (await db.Set<IncidentImport>().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } batch)
                continue;
            var unfinished = batch.Status.IsUnfinished();
            if (unfinished && now - batch.StartedAt <= KeepUnfinished)
                continue;
            if (unfinished)
            {
                batch.GiveUp(
                    $"导入中断后 {KeepUnfinished.TotalDays:0} 天内未能完成，服务器已删除原文件，未存入任何警情；请重新上传该文件",
                    now
                );
                await db.SaveChangesAsync(ct);
            }
            File.Delete(path);
            removed++;
        }
        return removed;
    }

    /// <summary>The database's copies of uploads: removed once their batch is done or gone, and given up with their batch
    /// after <see cref="KeepUnfinished"/>, by the same rule as the files in the work directory.</summary>
    private static async Task<int> TidySharedAsync(LianxinDbContext db, SharedFileStore shared, DateTimeOffset now, CancellationToken ct)
    {
        var removed = 0;
        foreach (var id in await shared.ListAsync(SharedFileStore.IncidentImport, ct))
        {
            var batch = await db.Set<IncidentImport>().FirstOrDefaultAsync(b => b.Id == id, ct);
            if (batch is not null && batch.Status.IsUnfinished())
            {
                if (now - batch.StartedAt <= KeepUnfinished)
                    continue;
                batch.GiveUp(
                    $"导入中断后 {KeepUnfinished.TotalDays:0} 天内未能完成，服务器已删除原文件，未存入任何警情；请重新上传该文件",
                    now
                );
                await db.SaveChangesAsync(ct);
            }
            await shared.DeleteAsync(id, ct);
            removed++;
        }
        return removed;
    }

    private const string KeptSuffix = ".upload";

    /// <summary>Where a batch's upload is kept until the batch is done.</summary>
    public static string KeptFile(IncidentImportOptions options, Guid batchId) =>
        Path.Combine(options.WorkDirectory, $"{batchId:N}{KeptSuffix}");

    private string KeptFile(Guid batchId) => KeptFile(Options, batchId);

    public async Task<PagedResult<IncidentImportView>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var scope = await user.GetScopeAsync(ct);
        var q = db.Set<IncidentImport>().AsNoTracking().Where(scope.Filter<IncidentImport>());
        return (await q.OrderByDescending(b => b.StartedAt).ThenByDescending(b => b.Id).ToPageAsync(page, ct)).Select(
            IncidentImportView.From
        );
    }

    public async Task<IncidentImportView> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        return IncidentImportView.From(await FindAsync(id, ct));
    }

    public async Task<PagedResult<IncidentImportErrorView>> ErrorsAsync(Guid id, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        await FindAsync(id, ct);
        var q = db.Set<IncidentImportError>().AsNoTracking().Where(e => e.BatchId == id);
        return await q.OrderBy(e => e.Seq)
            .ToPageAsync(page, cut => cut.Select(e => new IncidentImportErrorView(e.RowNumber, e.Field, e.Value, e.Reason)), ct);
    }

    /// <summary>Every stored error of a batch, for the downloadable report.</summary>
    public async Task<(IncidentImportView Batch, IReadOnlyList<IncidentImportErrorView> Errors)> ErrorReportAsync(
        Guid id,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.IncidentsRegister);
        var batch = await FindAsync(id, ct);
        var errors = await db.Set<IncidentImportError>()
            .AsNoTracking()
            .Where(e => e.BatchId == id)
            .OrderBy(e => e.Seq)
            .Select(e => new IncidentImportErrorView(e.RowNumber, e.Field, e.Value, e.Reason))
            .ToListAsync(ct);
        return (IncidentImportView.From(batch), errors);
    }

    private async Task<IncidentImport> FindAsync(Guid id, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        return await db.Set<IncidentImport>().Where(scope.Filter<IncidentImport>()).FirstOrDefaultAsync(b => b.Id == id, ct)
            ?? throw new NotFoundException("导入批次不存在或无权查看");
    }

    /// <summary>Copies the upload to a temporary file, refusing it past the size limit, while hashing it and
    /// checking whether it is valid UTF-8 throughout.</summary>
    private async Task<(long Size, string Sha, bool Utf8)> SpoolAsync(Stream content, string path, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var decoder = new UTF8Encoding(false, true).GetDecoder();
        var utf8 = true;
        var buffer = new byte[128 * 1024];
        var chars = new char[buffer.Length + 4];
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
        {
            int n;
            while ((n = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += n;
                if (size > Options.MaxBytes)
                    throw new PayloadTooLargeException($"文件超过 {Options.MaxBytes / 1024 / 1024} MB，请分成几个文件导入");
                sha.AppendData(buffer, 0, n);
                if (utf8)
                {
                    try
                    {
                        decoder.GetChars(buffer, 0, n, chars, 0, flush: false);
                    }
                    catch (DecoderFallbackException)
                    {
                        utf8 = false;
                    }
                }
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        if (utf8)
        {
            try
            {
                decoder.GetChars([], 0, 0, chars, 0, flush: true);
            }
            catch (DecoderFallbackException)
            {
                utf8 = false;
            }
        }
        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()), utf8);
    }

    /// <summary>Checks the content matches the extension; for CSV picks the encoding (UTF-8 when the whole file
    /// is valid UTF-8, else GB18030, which also reads GBK and GB2312).</summary>
    private static Encoding? CheckContent(string path, ImportFileFormat format, bool utf8)
    {
        var head = new byte[4096];
        int n;
        using (var f = File.OpenRead(path))
            n = f.Read(head, 0, head.Length);
        var zip = n >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;
        if (format == ImportFileFormat.Xlsx)
        {
            if (!zip)
                throw new ValidationFailedException("file", "文件内容不是 Excel（.xlsx）表格，请另存为 .xlsx 或 .csv 后再导入");
            return null;
        }
        if (zip || head.AsSpan(0, n).Contains((byte)0))
            throw new ValidationFailedException("file", "文件内容不是 CSV 文本；Excel 表格请以 .xlsx 扩展名上传");
        return utf8 ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
    }

    private static HashSet<string> ReadHeader(string path, ImportFileFormat format, Encoding? encoding)
    {
        using var rows = OpenRows(path, format, encoding).GetEnumerator();
        if (!rows.MoveNext())
            return [];
        return rows.Current.Header.Keys.ToHashSet();
    }

    /// <summary>One data row: its number as the spreadsheet shows it and its cells by header.</summary>
    private sealed record SourceRow(int Number, IReadOnlyDictionary<string, int> Header, string?[] Cells)
    {
        public string? Get(string column) =>
            Header.TryGetValue(column, out var i) && i < Cells.Length && Cells[i] is { } v && v.Trim() is { Length: > 0 } t ? t : null;

        public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
    }

    private static IEnumerable<SourceRow> OpenRows(string path, ImportFileFormat format, Encoding? encoding)
    {
        if (format == ImportFileFormat.Csv)
        {
            using var text = new StreamReader(path, encoding!, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
            var reader = new CsvRecordReader(text);
            var first = reader.Read();
            if (first is null)
                yield break;
            var header = HeaderIndex(first);
            var number = 1;
            string[]? record;
            while ((record = reader.Read()) is not null)
            {
                number++;
                yield return new SourceRow(number, header, record);
            }
        }
        else
        {
            Dictionary<string, int>? header = null;
            var number = 0;
            foreach (
                IDictionary<string, object?> row in MiniExcelLibs.MiniExcel.Query(
                    path,
                    useHeaderRow: false,
                    excelType: MiniExcelLibs.ExcelType.XLSX
                )
            )
            {
                number++;
                var cells = row.Values.Select(CellText).ToArray();
                if (header is null)
                {
                    header = HeaderIndex(cells);
                    continue;
                }
                yield return new SourceRow(number, header, cells);
            }
        }
    }

    private static Dictionary<string, int> HeaderIndex(IReadOnlyList<string?> cells)
    {
        var map = new Dictionary<string, int>();
        for (var i = 0; i < cells.Count; i++)
        {
            var h = (cells[i] ?? "").Trim().TrimStart('\uFEFF').Trim('*', ' ', '\t');
            if (h.Length > 0)
                map.TryAdd(h, i);
        }
        return map;
    }

    private static string? CellText(object? v) =>
        v switch
        {
            null => null,
            DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            double d => d.ToString("0.############", CultureInfo.InvariantCulture),
            bool b => b ? "是" : "否",
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        };

    /// <summary>The import proper, in one transaction (retried when another intake path stored one of the file's
    /// numbers between the check and the write). Rows are read and checked in blocks on every core while the
    /// block before is placed, written and handed to the intake steps.</summary>
    private async Task<IncidentImportView> RunAsync(Guid batchId, IProgress<int>? progress, CancellationToken ct)
    {
        // A million-row file takes minutes in one transaction; the default 30 s command timeout would abort a block.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        // On SQLite the import holds the file's write lock for its whole run: other writers queue behind it for their
        // bounded wait and are then told what is going on (503); the import itself waits as long as another import runs.
        db.WriteActivity = "导入警情";
        db.WriteWait = TimeSpan.FromHours(1);
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await strategy.ExecuteAsync(async () =>
                {
                    db.ChangeTracker.Clear();
                    await using var tx = await db.Database.BeginTransactionAsync(ct);
                    // SQLite's default page cache (2 MB) is far smaller than the incident table's indexes, so each
                    // random key (address, phone, number) would go to the file; the import's connection gets more.
                    if (!db.IsPostgres)
                        await db.Database.ExecuteSqlRawAsync(SqliteLargeCache, ct);
                    try
                    {
                        if (await RunOnceAsync(batchId, progress, ct) is { } batch)
                        {
                            if (BeforeCommit is not null)
                                await BeforeCommit(batch);
                            await tx.CommitAsync(ct);
                        }
                    }
                    finally
                    {
                        if (!db.IsPostgres)
                            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
                    }
                });
                break;
            }
            catch (Exception e) when (attempt < 3 && databaseErrors.IsUniqueViolation(e))
            {
                // Another intake path stored a number of this file after the block's check: run the batch again.
            }
        }
        db.ChangeTracker.Clear();
        var done = await db.Set<IncidentImport>().AsNoTracking().FirstAsync(b => b.Id == batchId, ct);
        if (done.Status == IncidentImportStatus.Done)
        {
            File.Delete(KeptFile(batchId));
            if (shared is not null)
                await shared.DeleteAsync(batchId, CancellationToken.None);
        }
        return IncidentImportView.From(done);
    }

    /// <summary>One run of a batch inside the caller's transaction; null when the batch was already done.</summary>
    private async Task<IncidentImport?> RunOnceAsync(Guid batchId, IProgress<int>? progress, CancellationToken ct)
    {
        // The first write claims the batch: on PostgreSQL it locks the batch's row, on SQLite the database, so a
        // second run of the same batch (the file sent twice at once, or start-up) waits here and then finds it done.
        var claimed = await db.Set<IncidentImport>()
            .Where(b => b.Id == batchId && (b.Status == IncidentImportStatus.Reading || b.Status == IncidentImportStatus.Staged))
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.Status, IncidentImportStatus.Reading), ct);
        if (claimed == 0)
            return null;
        var batch = await db.Set<IncidentImport>().FirstAsync(b => b.Id == batchId, ct);
        await DeleteOfBatchAsync<IncidentImportError>(batch.Id, ct);
        Phase("claim");

        var encoding = batch.Encoding is { } e ? (e == "UTF-8" ? new UTF8Encoding(false) : Encoding.GetEncoding(e)) : null;
        var checker = await RowChecker.CreateAsync(db, user, protector, addresses, ct);
        var plan = BulkInsertPlan.For<Incident>(db);
        var partyPlan = BulkInsertPlan.For<IncidentParty>(db);
        // The party columns the file has, from its header (the same for every row); none for a file without them.
        IReadOnlyList<IncidentImportTemplate.PartyGroupColumns>? partyColumns = null;
        var registered = steps.OrderBy(s => s.Order).ToList();
        var errors = new List<IncidentImportError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int rows = 0,
            valid = 0,
            invalid = 0,
            stored = 0,
            blocks = 0;
        var block = new List<SourceRow>(Options.BlockRows);
        Task writing = Task.CompletedTask;

        async Task CheckBlockAsync()
        {
            var results = new Incident?[block.Count];
            var found = new List<RowError>?[block.Count];
            Phase("read");
            if (block.Count > 0)
                partyColumns ??= IncidentImportTemplate.PartyGroupsOf(block[0].Header.Keys);
            Parallel.For(0, block.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var rowErrors = new List<RowError>(0);
                results[i] = checker.Check(block[i].Number, block[i].Get, batchId, rowErrors, partyColumns);
                if (results[i] is null)
                    found[i] = rowErrors;
            });
            var checkedRows = new List<Incident>(block.Count);
            for (var i = 0; i < block.Count; i++)
            {
                if (results[i] is not { } incident)
                {
                    invalid++;
                    foreach (var error in found[i]!)
                    {
                        if (errors.Count >= Options.MaxStoredErrors)
                            break;
                        errors.Add(
                            new IncidentImportError
                            {
                                BatchId = batchId,
                                Seq = errors.Count + 1,
                                RowNumber = block[i].Number,
                                Field = error.Field,
                                Value = error.Value,
                                Reason = error.Reason,
                            }
                        );
                    }
                    continue;
                }
                valid++;
                // A number repeated within the file is stored once; the repeats count as duplicates.
                if (seen.Add(incident.Number))
                    checkedRows.Add(incident);
            }
            block.Clear();
            Phase("check");
            // What the intake steps can tell before the rows are written is written with them (the repeat flags); here,
            // on the reading thread, while the block before is still being written.
            if (registered.Count > 0)
                IncidentIntake.BeforePartWritten(db, registered, checkedRows);
            Phase("intake steps before the write");
            await writing;
            Phase("wait for writes");
            writing = WriteBlockAsync(checkedRows);
            progress?.Report(rows);
        }

        // Only this task touches the context while it runs; the reading thread meanwhile checks the next block.
        async Task WriteBlockAsync(List<Incident> incidents)
        {
            await Task.Yield();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            // Placed before they are written, so each incident is stored, and counted, at its place.
            if (placer is not null)
                await placer.PlaceManyAsync(incidents, ct);
            WriterPhase("writer: placement", clock);
            // Only numbers not stored yet are written (a file sent again adds nothing).
            var fresh = (await bulk.WriteNewAsync(db, plan, incidents, nameof(Incident.Number), ct)).Cast<Incident>().ToList();
            WriterPhase("writer: bulk write", clock);
            if (fresh.Count == 0)
                return;
            stored += fresh.Count;
            // The parties of the incidents just stored, and only theirs: a number already stored keeps the parties it
            // has. Written before the intake steps, so the repeat check finds them as it finds those of earlier incidents.
            var parties = new List<object>();
            foreach (var incident in fresh)
                parties.AddRange(incident.Parties);
            if (parties.Count > 0)
            {
                await bulk.WriteAsync(db, partyPlan, parties, ct);
                WriterPhase("writer: parties", clock);
            }
            if (registered.Count > 0)
            {
                foreach (var chunk in fresh.Chunk(Options.IntakeChunkFor(db.IsPostgres)))
                {
                    // Not attached: the steps see them as stored rows (a repeat flag is set with one UPDATE per chunk),
                    // so no save has two thousand incidents to compare.
                    await IncidentIntake.RunPartAsync(db, registered, chunk, ct);
                    db.ChangeTracker.Clear();
                }
                WriterPhase("writer: intake steps", clock);
            }
            if (++blocks == 1 && AfterFirstBlock is not null)
                await AfterFirstBlock(batch);
        }

        try
        {
            foreach (var source in OpenRows(KeptFile(batchId), batch.Format, encoding))
            {
                ct.ThrowIfCancellationRequested();
                if (source.IsBlank)
                    continue;
                rows++;
                block.Add(source);
                if (block.Count >= Options.BlockRows)
                    await CheckBlockAsync();
            }
            await CheckBlockAsync();
        }
        finally
        {
            // Never leave the writer running on the context when reading fails.
            await writing.ContinueWith(
                _ => { },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default
            );
        }
        await writing;
        Phase("wait for writes");
        db.ChangeTracker.Clear();
        // One summary per officer for the whole file, not one per part.
        if (registered.Count > 0)
            await IncidentIntake.FinishPartsAsync(db, registered, ct);
        await bulk.WriteAsync(db, BulkInsertPlan.For<IncidentImportError>(db), errors, ct);
        batch = await db.Set<IncidentImport>().FirstAsync(b => b.Id == batchId, ct);
        batch.Complete(rows, valid, invalid, stored, db.Now);
        db.Audit(
            Audit.AuditAction.Import,
            nameof(Incident),
            batch.Id.ToString(),
            $"导入警情文件“{batch.FileName}”：{batch.Rows} 行，新增 {stored} 条，重复 {batch.Duplicates} 条，有误 {batch.Invalid} 行"
        );
        await db.SaveChangesAsync(ct);
        progress?.Report(rows);
        Phase("finish");
        return batch;
    }

    /// <summary>Removes a batch's errors; the table and column names come from the model.</summary>
    private Task<int> DeleteOfBatchAsync<TRow>(Guid batchId, CancellationToken ct)
    {
        var text = "DELETE FROM " + Table<TRow>() + " WHERE " + Column<TRow>("BatchId") + " = {0}";
        return db.Database.ExecuteSqlRawAsync(text, [batchId], ct);
    }

    private string Table<T>()
    {
        var t = db.Model.FindEntityType(typeof(T))!;
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(t.GetTableName()!, t.GetSchema());
    }

    private string Column<T>(string property)
    {
        var t = db.Model.FindEntityType(typeof(T))!;
        var store = StoreObjectIdentifier.Table(t.GetTableName()!, t.GetSchema());
        return db.GetService<ISqlGenerationHelper>().DelimitIdentifier(t.FindProperty(property)!.GetColumnName(store)!);
    }
}
