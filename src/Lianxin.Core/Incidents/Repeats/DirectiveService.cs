using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Command directives (指令) imported per unit, and their weekly comparison with local incidents.</summary>
public sealed class DirectiveService(LianxinDbContext db, ICurrentUser user, AddressNormalizer addresses)
{
    public const int MaxLines = 2000;
    public const int MaxIncidents = 5000;
    public const int MaxDirectives = 500;
    private const int MaxShown = 100;

    public Task<DirectiveImportResult> ImportAsync(Guid? orgUnitId, IReadOnlyList<DirectiveLine> lines, CancellationToken ct = default) =>
        ImportAsync(orgUnitId, lines, null, ct);

    /// <summary>Adds the valid lines not yet stored; when some lines were refused, keeps their problems as a
    /// report under the file's name, to be downloaded from <see cref="ErrorReportAsync"/>.</summary>
    public async Task<DirectiveImportResult> ImportAsync(
        Guid? orgUnitId,
        IReadOnlyList<DirectiveLine> lines,
        string? fileName,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.IncidentsAnalyse);
        if (orgUnitId is null)
            throw new ValidationFailedException("orgUnitId", "请选择指令所属单位");
        if (lines.Count == 0)
            throw new ValidationFailedException("file", "文件中没有指令（第一行须为表头：指令编号、日期、地址、类别、内容）");
        if (lines.Count > MaxLines)
            throw new ValidationFailedException("file", $"一次最多导入 {MaxLines} 条指令");
        var unit = await db.UnitInScopeAsync(user, orgUnitId.Value, ct);

        var problems = new List<DirectiveProblem>();
        var valid = new List<CommandDirective>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var before = problems.Count;
            var number = Checks.Clean(line.Number);
            var content = Checks.Clean(line.Content);
            var address = Checks.Clean(line.Address);
            var category = Checks.Clean(line.Category);
            if (number is null)
                problems.Add(new(line.Row, "指令编号", "不能为空"));
            else if (number.Length > TextLimits.Name)
                problems.Add(new(line.Row, "指令编号", "超过 64 字"));
            else if (!seen.Add(number))
                problems.Add(new(line.Row, "指令编号", "与文件中前面的行重复"));
            if (!TryDate(line.Date, out var date))
                problems.Add(new(line.Row, "日期", "不是有效日期（如 2026-11-23）"));
            if (content is null)
                problems.Add(new(line.Row, "内容", "不能为空"));
            else if (content.Length > TextLimits.Text)
                problems.Add(new(line.Row, "内容", "超过 2000 字"));
            if (address is { Length: > TextLimits.Address })
                problems.Add(new(line.Row, "地址", "超过 200 字"));
            if (category is { Length: > TextLimits.Name })
                problems.Add(new(line.Row, "类别", "超过 64 字"));
            if (problems.Count > before)
                continue;
            valid.Add(
                new CommandDirective
                {
                    OrgUnitId = unit.Id,
                    Number = number!,
                    IssuedOn = date,
                    Address = address,
                    AddressKey = addresses.Key(address),
                    Category = category,
                    Content = content!,
                }
            );
        }
        var numbers = valid.Select(v => v.Number).ToList();
        var existing = (
            await db
                .CommandDirectives.Where(d => d.OrgUnitId == unit.Id && numbers.Contains(d.Number))
                .Select(d => d.Number)
                .ToListAsync(ct)
        ).ToHashSet(StringComparer.Ordinal);
        var added = valid.Where(v => !existing.Contains(v.Number)).ToList();
        db.CommandDirectives.AddRange(added);
        db.Audit(Audit.AuditAction.Create, nameof(CommandDirective), null, $"导入指令 {added.Count} 条（{unit.Name}）");
        DirectiveImportReport? report = null;
        if (problems.Count > 0)
        {
            var cutoff = db.Now.AddDays(-DirectiveImportReport.KeptDays);
            await db.Set<DirectiveImportReport>().Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
            report = new DirectiveImportReport
            {
                OrgUnitId = unit.Id,
                FileName = ReportName(fileName),
                Lines = lines.Count,
                Added = added.Count,
                AlreadyThere = valid.Count - added.Count,
                Problems = problems
                    .Select(
                        (p, i) =>
                            new DirectiveImportProblem
                            {
                                Seq = i + 1,
                                Row = p.Row,
                                Field = p.Field,
                                Reason = p.Reason,
                            }
                    )
                    .ToList(),
            };
            db.Add(report);
        }
        await db.SaveChangesAsync(ct);
        return new DirectiveImportResult(added.Count, valid.Count - added.Count, problems, report?.Id);
    }

    /// <summary>One page of a stored import's problems.</summary>
    public async Task<PagedResult<DirectiveProblem>> ErrorsAsync(Guid reportId, PageRequest page, CancellationToken ct = default)
    {
        await FindReportAsync(reportId, ct);
        var q = db.Set<DirectiveImportProblem>().AsNoTracking().Where(p => p.ReportId == reportId);
        return await q.OrderBy(p => p.Seq).ToPageAsync(page, cut => cut.Select(p => new DirectiveProblem(p.Row, p.Field, p.Reason)), ct);
    }

    /// <summary>A stored import and all its problems, for the downloadable report. Someone who may import
    /// directives sees the reports of imports into units they look after; others get 404.</summary>
    public async Task<(DirectiveImportReportView Report, IReadOnlyList<DirectiveProblem> Problems)> ErrorReportAsync(
        Guid reportId,
        CancellationToken ct = default
    )
    {
        var report = await FindReportAsync(reportId, ct);
        var problems = await db.Set<DirectiveImportProblem>()
            .AsNoTracking()
            .Where(p => p.ReportId == reportId)
            .OrderBy(p => p.Seq)
            .Select(p => new DirectiveProblem(p.Row, p.Field, p.Reason))
            .ToListAsync(ct);
        return (report, problems);
    }

    private async Task<DirectiveImportReportView> FindReportAsync(Guid reportId, CancellationToken ct)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var scope = await user.GetScopeAsync(ct);
        return await db.Set<DirectiveImportReport>()
            .AsNoTracking()
            .Where(scope.Filter<DirectiveImportReport>())
            .Where(r => r.Id == reportId)
            .Select(r => new DirectiveImportReportView(
                r.Id,
                r.FileName,
                r.CreatedAt,
                r.Lines,
                r.Added,
                r.AlreadyThere,
                r.Problems.Count,
                r.OrgUnit!.Name
            ))
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("导入记录不存在、已过保留期或无权查看");
    }

    private static string ReportName(string? fileName)
    {
        var name = Checks.Clean(Path.GetFileName(fileName ?? "")) ?? "指令";
        return name.Length <= TextLimits.Address ? name : name[..TextLimits.Address];
    }

    public async Task<PagedResult<DirectiveRow>> ListAsync(
        Guid? orgUnitId,
        DateOnly? week,
        PageRequest page,
        CancellationToken ct = default
    )
    {
        var q = await ScopedAsync(orgUnitId, ct);
        if (week is { } w)
        {
            var start = IncidentPeople.WeekStart(IncidentPeople.StartOf(w));
            var end = start.AddDays(7);
            q = q.Where(d => d.IssuedOn >= start && d.IssuedOn < end);
        }
        return await q.OrderByDescending(d => d.IssuedOn)
            .ThenBy(d => d.Number)
            .ToPageAsync(
                page,
                cut => cut.Select(d => new DirectiveRow(d.Id, d.Number, d.IssuedOn, d.Address, d.Category, d.Content, d.OrgUnit!.Name)),
                ct
            );
    }

    /// <summary>A directive's category matches an incident whose category code or name (at any of the three
    /// levels) equals it; its address matches on the normalised key.</summary>
    public async Task<DirectiveComparison> CompareAsync(Guid? orgUnitId, DateOnly? week, CancellationToken ct = default)
    {
        var start = IncidentPeople.WeekStart(IncidentPeople.StartOf(week ?? IncidentPeople.WeekStart(db.Now)));
        var end = start.AddDays(7);
        var directives = await (await ScopedAsync(orgUnitId, ct))
            .Where(d => d.IssuedOn >= start && d.IssuedOn < end)
            .OrderBy(d => d.IssuedOn)
            .ThenBy(d => d.Number)
            .Take(MaxDirectives + 1)
            .ToListAsync(ct);
        var directivesCut = directives.Count > MaxDirectives;
        if (directivesCut)
            directives.RemoveAt(MaxDirectives);

        var scope = await user.GetScopeAsync(ct);
        var incidents = db.Incidents.AsNoTracking().Where(scope.Filter<Incident>());
        if (orgUnitId is { } unit)
            incidents = await DataScope.UnderUnitAsync(incidents, db, unit, ct);
        var from = IncidentPeople.StartOf(start);
        var to = IncidentPeople.StartOf(end);
        var week_ = await incidents
            .Where(i => i.ReceivedAt >= from && i.ReceivedAt < to)
            .OrderBy(i => i.ReceivedAt)
            .Take(MaxIncidents + 1)
            .Select(i => new
            {
                i.Id,
                i.Number,
                i.ReceivedAt,
                i.CategoryCode,
                i.TypeCode,
                i.SubtypeCode,
                i.AddressKey,
                i.Address,
                i.Summary,
            })
            .ToListAsync(ct);
        var incidentsCut = week_.Count > MaxIncidents;
        if (incidentsCut)
            week_.RemoveAt(MaxIncidents);
        var codes = week_
            .SelectMany(i => new[] { i.CategoryCode, i.TypeCode, i.SubtypeCode })
            .Where(c => c is not null)
            .Distinct()
            .ToList();
        var names = (
            await db
                .DictionaryItems.AsNoTracking()
                .Where(d => d.Category == "incident-category" && codes.Contains(d.Code))
                .Select(d => new { d.Code, d.Name })
                .ToListAsync(ct)
        )
            .GroupBy(d => d.Code)
            .ToDictionary(g => g.Key, g => g.First().Name);
        string? Name(string? code) => code is null ? null : names.GetValueOrDefault(code);
        bool CategoryMatches(string category, string? code) => code is not null && (code == category || Name(code) == category);

        var matchedIds = new HashSet<Guid>();
        var result = new List<DirectiveMatch>();
        foreach (var d in directives)
        {
            var hits = week_
                .Select(i => new
                {
                    i,
                    SameAddress = d.AddressKey is not null && i.AddressKey == d.AddressKey,
                    SameCategory = d.Category is not null
                        && (
                            CategoryMatches(d.Category, i.CategoryCode)
                            || CategoryMatches(d.Category, i.TypeCode)
                            || CategoryMatches(d.Category, i.SubtypeCode)
                        ),
                })
                .Where(x => x.SameAddress || x.SameCategory)
                .OrderByDescending(x => x.SameAddress)
                .ThenBy(x => x.i.ReceivedAt)
                .ToList();
            foreach (var h in hits)
                matchedIds.Add(h.i.Id);
            result.Add(
                new DirectiveMatch(
                    new DirectiveRow(d.Id, d.Number, d.IssuedOn, d.Address, d.Category, d.Content, null),
                    hits.Take(MaxShown)
                        .Select(h => new MatchedIncident(
                            h.i.Id,
                            h.i.Number,
                            h.i.ReceivedAt,
                            h.i.CategoryCode,
                            Name(h.i.CategoryCode),
                            h.i.Address,
                            h.i.Summary,
                            h.SameAddress
                        ))
                        .ToList()
                )
            );
        }
        var unmatched = week_.Where(i => !matchedIds.Contains(i.Id)).ToList();
        return new DirectiveComparison(
            start,
            result,
            unmatched
                .Take(MaxShown)
                .Select(i => new MatchedIncident(
                    i.Id,
                    i.Number,
                    i.ReceivedAt,
                    i.CategoryCode,
                    Name(i.CategoryCode),
                    i.Address,
                    i.Summary,
                    false
                ))
                .ToList(),
            unmatched.Count,
            week_.Count,
            directivesCut,
            incidentsCut
        );
    }

    private async Task<IQueryable<CommandDirective>> ScopedAsync(Guid? orgUnitId, CancellationToken ct)
    {
        user.Demand(Permissions.IncidentsRead);
        var q = db.CommandDirectives.AsNoTracking().Where((await user.GetScopeAsync(ct)).Filter<CommandDirective>());
        if (orgUnitId is { } unit)
            q = await DataScope.UnderUnitAsync(q, db, unit, ct);
        return q;
    }

    private static bool TryDate(string? text, out DateOnly date)
    {
        date = default;
        var t = Checks.Clean(text);
        if (t is null)
            return false;
        string[] formats =
        [
            "yyyy-MM-dd",
            "yyyy/M/d",
            "yyyy-M-d",
            "yyyy.M.d",
            "yyyyMMdd",
            "yyyy年M月d日",
            "yyyy-MM-dd HH:mm:ss",
            "yyyy/M/d H:mm:ss",
            "yyyy/M/d H:mm",
        ];
        if (
            DateOnly.TryParseExact(
                t,
                formats,
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out date
            )
        )
            return true;
        if (
            DateTime.TryParseExact(
                t,
                formats,
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None,
                out var dt
            )
        )
        {
            date = DateOnly.FromDateTime(dt);
            return true;
        }
        return false;
    }
}
