using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Incidents.Import;

public sealed class IncidentImportOptions
{
    public const string Section = "Incidents:Import";

    /// <summary>Largest file accepted (200 MB holds well over a million CSV rows).</summary>
    public long MaxBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>Errors kept for the report; beyond this only the count grows.</summary>
    public int MaxStoredErrors { get; set; } = 10_000;

    /// <summary>Rows copied to the staging table per bulk write.</summary>
    public int StageChunk { get; set; } = 10_000;

    /// <summary>Added incidents handed to the intake steps at a time.</summary>
    public int IntakeChunk { get; set; } = 2_000;
}

/// <summary>A file larger than the import accepts: 413.</summary>
public sealed class PayloadTooLargeException(string message) : DomainException(message);

public sealed record IncidentImportView(Guid Id, string FileName, long SizeBytes, string Sha256, ImportFileFormat Format, string? Encoding,
    string ImportedByName, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, IncidentImportStatus Status, int Rows, int Valid, int Stored,
    int Duplicates, int Invalid, string? Failure)
{
    public string StatusLabel => Status.Label();

    public static IncidentImportView From(IncidentImport b) => new(b.Id, b.FileName, b.SizeBytes, b.Sha256, b.Format, b.Encoding,
        b.ImportedByName, b.StartedAt, b.FinishedAt, b.Status, b.Rows, b.Valid, b.Stored, b.Duplicates, b.Invalid, b.Failure);
}

public sealed record IncidentImportErrorView(int Row, string Field, string? Value, string Reason);

/// <summary>Imports 110 incidents from a CSV (UTF-8 or GB18030) or .xlsx file. Every row is checked; the valid
/// ones are bulk-copied into a staging table, then one transaction inserts those whose 110 number is not yet
/// stored, runs the intake steps for them and marks the batch done. Sending the same file again adds nothing;
/// a batch interrupted before that transaction committed is completed by running it again.</summary>
public sealed class IncidentImportService(LianxinDbContext db, ICurrentUser user, PersonalDataProtector protector, AddressNormalizer addresses,
    IBulkWriter bulk, IEnumerable<IIncidentIntakeStep> steps, IOptions<IncidentImportOptions> options, IncidentPlacer? placer = null)
{
    static IncidentImportService() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private IncidentImportOptions Options => options.Value;

    /// <summary>Time spent in each phase of the last import, for the benchmark's breakdown.</summary>
    internal Dictionary<string, TimeSpan> Phases { get; } = [];

    private long _phaseStart;

    private void Phase(string name)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        if (_phaseStart != 0) Phases[name] = Phases.GetValueOrDefault(name) + System.Diagnostics.Stopwatch.GetElapsedTime(_phaseStart, now);
        _phaseStart = now;
    }

    /// <summary>Called after the rows are staged and before the final transaction (tests use it to stop there).</summary>
    internal Func<IncidentImport, Task>? AfterStaging { get; set; }

    /// <summary>Called inside the final transaction just before it commits (tests use it to fail there).</summary>
    internal Func<IncidentImport, Task>? BeforeCommit { get; set; }

    public async Task<IncidentImportView> ImportAsync(string? fileName, Stream content, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        user.Demand(Permissions.IncidentsRegister);
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/')).Trim();
        if (name.Length == 0) throw new ValidationFailedException("file", "请选择要导入的文件");
        if (name.Length > TextLimits.Title) name = name[^TextLimits.Title..];
        var format = Path.GetExtension(name).ToLowerInvariant() switch
        {
            ".csv" => ImportFileFormat.Csv,
            ".xlsx" => ImportFileFormat.Xlsx,
            _ => throw new ValidationFailedException("file", "仅支持 .csv 或 .xlsx 文件，请使用警情导入模板"),
        };
        var unitId = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.OrgUnitId).FirstOrDefaultAsync(ct)
            ?? throw new ForbiddenException("账号未设所属单位，不能导入警情");

        var temp = Path.Combine(Path.GetTempPath(), $"lianxin-import-{Guid.NewGuid():N}.tmp");
        try
        {
            Phases.Clear();
            Phase("start");
            var (size, sha, utf8) = await SpoolAsync(content, temp, ct);
            Phase("spool");
            if (size == 0) throw new ValidationFailedException("file", "文件是空的");
            var encoding = CheckContent(temp, format, utf8);
            var header = ReadHeader(temp, format, encoding);
            Phase("header");
            var missing = IncidentImportTemplate.Columns.Where(c => c.Required && !header.Contains(c.Header)).Select(c => c.Header).ToList();
            if (missing.Count > 0)
                throw new ValidationFailedException("file", $"文件缺少必填列：{string.Join("、", missing)}。请使用警情导入模板");

            // The same file sent again while its batch is unfinished continues that batch.
            var scope = await user.GetScopeAsync(ct);
            var batch = await db.Set<IncidentImport>().Where(scope.Filter<IncidentImport>())
                .Where(b => b.Sha256 == sha && (b.Status == IncidentImportStatus.Reading || b.Status == IncidentImportStatus.Staged))
                .OrderBy(b => b.StartedAt).FirstOrDefaultAsync(ct);
            if (batch is { Status: IncidentImportStatus.Staged })
            {
                await CompleteAsync(batch, ct);
                return IncidentImportView.From(batch);
            }
            if (batch is null)
            {
                batch = new IncidentImport
                {
                    FileName = name, SizeBytes = size, Sha256 = sha, Format = format, Encoding = encoding?.WebName.ToUpperInvariant(),
                    ImportedById = user.UserId ?? "", ImportedByName = user.UserName, StartedAt = db.Now, OrgUnitId = unitId,
                };
                db.Add(batch);
                await db.SaveChangesAsync(ct);
            }
            await StageAsync(batch, temp, encoding, progress, ct);
            if (AfterStaging is not null) await AfterStaging(batch);
            await CompleteAsync(batch, ct);
            return IncidentImportView.From(batch);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Completes a batch whose rows are staged (after an interruption); a finished batch is left as it is.</summary>
    public async Task<IncidentImportView> ResumeAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var batch = await FindAsync(id, ct);
        if (batch.Status == IncidentImportStatus.Reading)
            throw new ConflictException("该批次未校验完毕就中断了，请重新上传同一文件以继续");
        if (batch.Status == IncidentImportStatus.Staged) await CompleteAsync(batch, ct);
        return IncidentImportView.From(batch);
    }

    public async Task<PagedResult<IncidentImportView>> ListAsync(PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var scope = await user.GetScopeAsync(ct);
        var q = db.Set<IncidentImport>().AsNoTracking().Where(scope.Filter<IncidentImport>());
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(b => b.StartedAt).ThenByDescending(b => b.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<IncidentImportView>(items.Select(IncidentImportView.From).ToList(), total, page.Page, page.PageSize);
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
        var total = await q.CountAsync(ct);
        var items = await q.OrderBy(e => e.Seq).Skip(page.Skip).Take(page.PageSize)
            .Select(e => new IncidentImportErrorView(e.RowNumber, e.Field, e.Value, e.Reason)).ToListAsync(ct);
        return new PagedResult<IncidentImportErrorView>(items, total, page.Page, page.PageSize);
    }

    /// <summary>Every stored error of a batch, for the downloadable report.</summary>
    public async Task<(IncidentImportView Batch, IReadOnlyList<IncidentImportErrorView> Errors)> ErrorReportAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var batch = await FindAsync(id, ct);
        var errors = await db.Set<IncidentImportError>().AsNoTracking().Where(e => e.BatchId == id).OrderBy(e => e.Seq)
            .Select(e => new IncidentImportErrorView(e.RowNumber, e.Field, e.Value, e.Reason)).ToListAsync(ct);
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
                    try { decoder.GetChars(buffer, 0, n, chars, 0, flush: false); }
                    catch (DecoderFallbackException) { utf8 = false; }
                }
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }
        if (utf8)
        {
            try { decoder.GetChars([], 0, 0, chars, 0, flush: true); }
            catch (DecoderFallbackException) { utf8 = false; }
        }
        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()), utf8);
    }

    /// <summary>Checks the content matches the extension; for CSV picks the encoding (UTF-8 when the whole file
    /// is valid UTF-8, else GB18030, which also reads GBK and GB2312).</summary>
    private static Encoding? CheckContent(string path, ImportFileFormat format, bool utf8)
    {
        var head = new byte[4096];
        int n;
        using (var f = File.OpenRead(path)) n = f.Read(head, 0, head.Length);
        var zip = n >= 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;
        if (format == ImportFileFormat.Xlsx)
        {
            if (!zip) throw new ValidationFailedException("file", "文件内容不是 Excel（.xlsx）表格，请另存为 .xlsx 或 .csv 后再导入");
            return null;
        }
        if (zip || head.AsSpan(0, n).Contains((byte)0))
            throw new ValidationFailedException("file", "文件内容不是 CSV 文本；Excel 表格请以 .xlsx 扩展名上传");
        return utf8 ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
    }

    private static HashSet<string> ReadHeader(string path, ImportFileFormat format, Encoding? encoding)
    {
        using var rows = OpenRows(path, format, encoding).GetEnumerator();
        if (!rows.MoveNext()) return [];
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
            if (first is null) yield break;
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
            foreach (IDictionary<string, object?> row in MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: false, excelType: MiniExcelLibs.ExcelType.XLSX))
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
            if (h.Length > 0) map.TryAdd(h, i);
        }
        return map;
    }

    private static string? CellText(object? v) => v switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("0.############", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };

    /// <summary>Checks every row and copies the valid ones to the staging table; errors go to the report.
    /// A batch run again starts its staging afresh.</summary>
    private async Task StageAsync(IncidentImport batch, string path, Encoding? encoding, IProgress<int>? progress, CancellationToken ct)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await DeleteOfBatchAsync<IncidentImportRow>(batch.Id, ct);
        await DeleteOfBatchAsync<IncidentImportError>(batch.Id, ct);

        var checker = await RowChecker.CreateAsync(db, user, protector, addresses, ct);
        var rowPlan = BulkInsertPlan.For<IncidentImportRow>(db);
        var errorPlan = BulkInsertPlan.For<IncidentImportError>(db);
        var errors = new List<object>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int rows = 0, valid = 0, invalid = 0, errorSeq = 0;
        var block = new List<SourceRow>(Options.StageChunk);
        Task writing = Task.CompletedTask;

        // Rows are read in blocks; a block is checked on every core (encrypting callers is the costly part)
        // while the block before it is being copied to the staging table.
        async Task CheckBlockAsync()
        {
            var results = new (IncidentImportRow? Row, List<RowError>? Errors)[block.Count];
            Phase("read");
            Parallel.For(0, block.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var found = new List<RowError>(0);
                var row = checker.Check(block[i].Number, block[i].Get, batch.Id, found);
                results[i] = (row, row is null ? found : null);
            });
            var staged = new List<object>(block.Count);
            for (var i = 0; i < block.Count; i++)
            {
                var (row, found) = results[i];
                if (row is null)
                {
                    invalid++;
                    foreach (var e in found!)
                    {
                        if (errorSeq >= Options.MaxStoredErrors) break;
                        errors.Add(new IncidentImportError
                        {
                            BatchId = batch.Id, Seq = ++errorSeq, RowNumber = block[i].Number, Field = e.Field, Value = e.Value, Reason = e.Reason,
                        });
                    }
                    continue;
                }
                valid++;
                // A number repeated within the file is stored once; the repeats count as duplicates.
                if (seen.Add(row.Number)) staged.Add(row);
            }
            block.Clear();
            Phase("check");
            await writing;
            Phase("wait for staging writes");
            writing = Task.Run(() => bulk.WriteAsync(db, rowPlan, staged, ct), ct);
            progress?.Report(rows);
        }

        foreach (var source in OpenRows(path, batch.Format, encoding))
        {
            ct.ThrowIfCancellationRequested();
            if (source.IsBlank) continue;
            rows++;
            block.Add(source);
            if (block.Count >= Options.StageChunk) await CheckBlockAsync();
        }
        await CheckBlockAsync();
        await writing;
        Phase("wait for staging writes");
        await bulk.WriteAsync(db, errorPlan, errors, ct);
        batch.Rows = rows;
        batch.Valid = valid;
        batch.Invalid = invalid;
        batch.Status = IncidentImportStatus.Staged;
        await db.SaveChangesAsync(ct);
        progress?.Report(rows);
    }

    /// <summary>The final step, in one transaction: add the staged rows whose number is not stored yet, place
    /// them, run the intake steps on them, drop the staging rows and mark the batch done. Run twice, the
    /// second run finds the batch done and does nothing.</summary>
    internal async Task CompleteAsync(IncidentImport batch, CancellationToken ct)
    {
        // A million-row batch takes minutes in one statement; the default 30 s command timeout would abort it.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Entry(batch).ReloadAsync(ct);
            if (batch.Status != IncidentImportStatus.Staged) return;
            Phase("before final");
            var stored = await InsertNewAsync(batch, ct);
            Phase("final insert");
            await RunIntakeAsync(batch.Id, ct);
            await AssignPlacesAsync(batch.Id, ct);
            Phase("places and intake");
            await DeleteOfBatchAsync<IncidentImportRow>(batch.Id, ct);
            Phase("delete staging rows");
            batch.Stored = stored;
            batch.Duplicates = batch.Valid - stored;
            batch.Status = IncidentImportStatus.Done;
            batch.FinishedAt = db.Now;
            db.Audit(Audit.AuditAction.Import, nameof(Incident), batch.Id.ToString(),
                $"导入警情文件“{batch.FileName}”：{batch.Rows} 行，新增 {stored} 条，重复 {batch.Duplicates} 条，有误 {batch.Invalid} 行");
            await db.SaveChangesAsync(ct);
            if (BeforeCommit is not null) await BeforeCommit(batch);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>INSERT ... SELECT from the staging table of the rows whose 110 number is not stored; the
    /// unique index on the number settles a race with another intake path (ON CONFLICT DO NOTHING).</summary>
    private async Task<int> InsertNewAsync(IncidentImport batch, CancellationToken ct)
    {
        var incident = db.Model.FindEntityType(typeof(Incident))!;
        var staging = db.Model.FindEntityType(typeof(IncidentImportRow))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var incidentTable = StoreObjectIdentifier.Table(incident.GetTableName()!, incident.GetSchema());
        var stagingTable = StoreObjectIdentifier.Table(staging.GetTableName()!, staging.GetSchema());
        var now = db.Now;
        var columns = new List<string>();
        var values = new List<string>();
        var parameters = new List<object>
        {
            Provider(incident, nameof(Entity.CreatedAt), now), // {0}
            user.UserId ?? "",                                  // {1}
            Provider(incident, nameof(Incident.Source), IncidentSource.Import), // {2}
            batch.Id,                                           // {3}
            false,                                              // {4}
        };
        foreach (var p in incident.GetProperties())
        {
            columns.Add(sql.DelimitIdentifier(p.GetColumnName(incidentTable)!));
            var fromStaging = staging.FindProperty(p.Name);
            values.Add(fromStaging is not null
                ? "r." + sql.DelimitIdentifier(fromStaging.GetColumnName(stagingTable)!)
                : p.Name switch
                {
                    nameof(Entity.CreatedAt) or nameof(Entity.UpdatedAt) => "{0}",
                    nameof(Entity.Version) => "1",
                    nameof(Entity.CreatedById) => "{1}",
                    nameof(Incident.Source) => "{2}",
                    nameof(Incident.ImportBatchId) => "{3}",
                    nameof(Incident.FlaggedRepeat) => "{4}",
                    _ when p.IsNullable => "NULL",
                    _ => throw new InvalidOperationException($"Incident.{p.Name} has no value in the import's staging rows."),
                });
        }
        var number = sql.DelimitIdentifier(incident.FindProperty(nameof(Incident.Number))!.GetColumnName(incidentTable)!);
        var stagingNumber = sql.DelimitIdentifier(staging.FindProperty(nameof(IncidentImportRow.Number))!.GetColumnName(stagingTable)!);
        var stagingBatch = sql.DelimitIdentifier(staging.FindProperty(nameof(IncidentImportRow.BatchId))!.GetColumnName(stagingTable)!);
        var text = $"INSERT INTO {sql.DelimitIdentifier(incidentTable.Name, incidentTable.Schema)} ({string.Join(", ", columns)}) "
            + $"SELECT {string.Join(", ", values)} FROM {sql.DelimitIdentifier(stagingTable.Name, stagingTable.Schema)} r "
            + $"WHERE r.{stagingBatch} = {{3}} AND NOT EXISTS (SELECT 1 FROM {sql.DelimitIdentifier(incidentTable.Name, incidentTable.Schema)} i WHERE i.{number} = r.{stagingNumber}) "
            + $"ON CONFLICT ({number}) DO NOTHING";
        return await db.Database.ExecuteSqlRawAsync(text, parameters, ct);
    }

    /// <summary>Places the incidents this batch added. They arrive in the placement queue (no place, scope =
    /// handling unit); placement by coordinates or by address against the place register is applied here,
    /// inside the final transaction, when a placer is registered.</summary>
    /// <summary>Places the batch's incidents as entry by hand does (boundary, then address, else the queue), in
    /// chunks. It runs after the intake steps counted them at their handling unit, as tracked edits, so the
    /// statistics move with each incident to its place in the same transaction.</summary>
    private async Task AssignPlacesAsync(Guid batchId, CancellationToken ct)
    {
        if (placer is null) return;
        Guid? last = null;
        while (true)
        {
            var q = db.Incidents.Where(i => i.ImportBatchId == batchId && i.PlaceId == null);
            if (last is { } l) q = q.Where(i => i.Id.CompareTo(l) > 0);
            var chunk = await q.OrderBy(i => i.Id).Take(Options.IntakeChunk).ToListAsync(ct);
            if (chunk.Count == 0) break;
            await placer.PlaceManyAsync(chunk, ct);
            await db.SaveChangesAsync(ct);
            last = chunk[^1].Id;
            foreach (var i in chunk) db.Entry(i).State = EntityState.Detached;
        }
    }

    /// <summary>Hands the added incidents to the intake steps in chunks, so a million rows never sit in memory at once.</summary>
    private async Task RunIntakeAsync(Guid batchId, CancellationToken ct)
    {
        var registered = steps.ToList();
        if (registered.Count == 0) return;
        Guid? last = null;
        while (true)
        {
            var q = db.Incidents.Where(i => i.ImportBatchId == batchId);
            if (last is { } l) q = q.Where(i => i.Id.CompareTo(l) > 0);
            var chunk = await q.OrderBy(i => i.Id).Take(Options.IntakeChunk).ToListAsync(ct);
            if (chunk.Count == 0) break;
            await IncidentIntake.RunStepsAsync(db, registered, chunk, ct);
            await db.SaveChangesAsync(ct);
            last = chunk[^1].Id;
            foreach (var i in chunk) db.Entry(i).State = EntityState.Detached;
        }
    }

    private static object Provider(IEntityType type, string property, object value)
    {
        var converter = type.FindProperty(property)!.GetTypeMapping().Converter;
        var v = converter is null ? value : converter.ConvertToProvider(value)!;
        return v is DateTimeOffset t ? t.ToUniversalTime() : v;
    }

    /// <summary>Removes a batch's staging rows or errors; the table and column names come from the model.</summary>
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
