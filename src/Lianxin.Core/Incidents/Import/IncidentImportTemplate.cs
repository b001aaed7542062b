namespace Lianxin.Core.Incidents.Import;

/// <summary>The columns of the incident import file, in template order. Headers are matched by name, so
/// the columns may come in any order and extra columns are ignored.
///
/// Parties (当事人) are optional column groups after the incident's own columns, one group per person, numbered:
/// 当事人1身份, 当事人1姓名, 当事人1身份证号, 当事人1联系电话, then 当事人2… up to <see cref="MaxParties"/> (a column
/// without a number, 当事人姓名, is 当事人1's). The
/// header decides which groups a file has; a file without them imports as it always did.</summary>
public static class IncidentImportTemplate
{
    public const string Number = "警情编号";
    public const string ReceivedAt = "接警时间";
    public const string Category = "警情类别";
    public const string Type = "警情类型";
    public const string Subtype = "警情细类";
    public const string CallerName = "报警人";
    public const string CallerPhone = "报警电话";
    public const string Address = "发生地址";
    public const string Longitude = "经度";
    public const string Latitude = "纬度";
    public const string Summary = "简要警情";
    public const string Disposition = "处置情况";
    public const string HandlingUnit = "处警单位编码";
    public const string HandlingOfficer = "处警民警";
    public const string Preventable = "可防性";
    public const string Validity = "警情性质";

    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new(Number, true, "110 警情编号，唯一；已导入过的编号不会重复入库", "J3301002026112600001"),
        new(ReceivedAt, true, "接警时间（北京时间），如 2026-11-26 08:30:00、2026/11/26 8:30 或 20261126083000", "2026-11-26 08:30:00"),
        new(Category, true, "警情类别：字典“警情类别”第一级的编码或名称", "dispute"),
        new(Type, false, "警情类型：第二级，须属于所填类别", "dispute.neighbour"),
        new(Subtype, false, "警情细类：第三级，须属于所填类型", "dispute.neighbour.boundary"),
        new(CallerName, false, "报警人姓名，加密保存", "王某某"),
        new(CallerPhone, false, "报警电话：手机号或带区号的固定电话，加密保存", "13800001234"),
        new(Address, true, "发生地址，用于落地到村（社区）和重复警情研判", "东港豪庭3号楼2单元501"),
        new(Longitude, false, "经度（WGS-84，73 至 136），与纬度同时填写", "120.123456"),
        new(Latitude, false, "纬度（WGS-84，3 至 54），与经度同时填写", "30.123456"),
        new(Summary, true, "简要警情", "报警人称邻居装修噪音扰民"),
        new(Disposition, false, "处置情况", "民警到场调解，双方达成谅解"),
        new(HandlingUnit, true, "处警单位的单位编码，须在导入人的管辖范围内", "S-001"),
        new(HandlingOfficer, false, "处警民警姓名", "李警官"),
        new(Preventable, false, "可防性：是 / 否，空为否", "否"),
        new(Validity, false, "警情性质：有效 / 重复 / 无效，空为有效", "有效"),
    ];

    /// <summary>Most parties one row may name (column groups 当事人1 to 当事人5).</summary>
    public const int MaxParties = 5;

    /// <summary>Party groups the template ships with; a clerk adds 当事人4… and 当事人5… the same way when needed.</summary>
    public const int TemplateParties = 3;

    public const string PartyPrefix = "当事人";
    public const string PartyRole = "身份";
    public const string PartyName = "姓名";
    public const string PartyIdNumber = "身份证号";
    public const string PartyPhone = "联系电话";

    /// <summary>Other ways exports write the part of a party header after its number, by field.</summary>
    private static readonly Dictionary<string, string> PartySuffixes = new(StringComparer.Ordinal)
    {
        [PartyRole] = PartyRole,
        ["角色"] = PartyRole,
        ["人员身份"] = PartyRole,
        [PartyName] = PartyName,
        [PartyIdNumber] = PartyIdNumber,
        ["身份证号码"] = PartyIdNumber,
        ["身份证"] = PartyIdNumber,
        ["公民身份号码"] = PartyIdNumber,
        [PartyPhone] = PartyPhone,
        ["电话"] = PartyPhone,
        ["手机号"] = PartyPhone,
        ["联系方式"] = PartyPhone,
    };

    /// <summary>The words a file may use for a party's role, and the role each means.</summary>
    public static readonly IReadOnlyDictionary<string, IncidentPartyRole> PartyRoles = new Dictionary<string, IncidentPartyRole>(
        StringComparer.Ordinal
    )
    {
        ["当事人"] = IncidentPartyRole.Party,
        ["嫌疑人"] = IncidentPartyRole.Suspect,
        ["违法嫌疑人"] = IncidentPartyRole.Suspect,
        ["犯罪嫌疑人"] = IncidentPartyRole.Suspect,
        ["违法犯罪嫌疑人"] = IncidentPartyRole.Suspect,
        ["受害人"] = IncidentPartyRole.Victim,
        ["被害人"] = IncidentPartyRole.Victim,
        ["证人"] = IncidentPartyRole.Witness,
    };

    public static string PartyHeader(int number, string field) => $"{PartyPrefix}{number}{field}";

    /// <summary>The party column groups of the template: <see cref="TemplateParties"/> people, each role, name, ID number, phone.</summary>
    public static readonly IReadOnlyList<ImportColumn> PartyColumns = [.. Enumerable.Range(1, TemplateParties).SelectMany(PartyGroup)];

    /// <summary>Every column of the downloadable template: the incident's, then the party groups.</summary>
    public static readonly IReadOnlyList<ImportColumn> TemplateColumns = [.. Columns, .. PartyColumns];

    private static IEnumerable<ImportColumn> PartyGroup(int n)
    {
        var first = n == 1;
        yield return new(
            PartyHeader(n, PartyRole),
            false,
            first
                ? "第 1 名当事人的身份：当事人 / 嫌疑人 / 受害人 / 证人，空为当事人。同一行最多填 5 名当事人（当事人1 至 当事人5），不涉及当事人可整组留空或删去这些列"
                : $"第 {n} 名当事人的身份，填法同当事人1",
            first ? "当事人"
                : n == 2 ? "受害人"
                : ""
        );
        yield return new(
            PartyHeader(n, PartyName),
            false,
            first ? "当事人姓名，加密保存；姓名、身份证号、联系电话至少填一项" : $"第 {n} 名当事人的姓名",
            first ? "张某某"
                : n == 2 ? "李某某"
                : ""
        );
        yield return new(
            PartyHeader(n, PartyIdNumber),
            false,
            first
                ? "18 位居民身份证号（校验位须正确），加密保存；同一人 30 天内多次涉警归为“同一当事人”重复警情。在 Excel 中填写请先把此列设为“文本”格式"
                : $"第 {n} 名当事人的身份证号",
            first ? "330102199001011234" : ""
        );
        yield return new(
            PartyHeader(n, PartyPhone),
            false,
            first ? "手机号或带区号的固定电话，加密保存；未填身份证号时按电话识别同一当事人" : $"第 {n} 名当事人的联系电话",
            first ? "13900005678" : ""
        );
    }

    /// <summary>Where one party's cells are in a file: the headers as the file writes them (null when the file has no
    /// such column).</summary>
    public sealed record PartyGroupColumns(int Number, string? Role, string? Name, string? IdNumber, string? Phone)
    {
        public string Label => $"{PartyPrefix}{Number}";
    }

    /// <summary>The party groups a file's header holds, by number; groups past <see cref="MaxParties"/> are left out
    /// (<see cref="PartyHeadersBeyondMax"/> names them so the file can be refused).</summary>
    public static IReadOnlyList<PartyGroupColumns> PartyGroupsOf(IEnumerable<string> header)
    {
        var groups = new SortedDictionary<int, PartyGroupColumns>();
        foreach (var (number, field, text) in PartyHeaders(header))
        {
            if (number > MaxParties)
                continue;
            var g = groups.TryGetValue(number, out var found) ? found : new PartyGroupColumns(number, null, null, null, null);
            groups[number] = field switch
            {
                PartyRole => g with { Role = g.Role ?? text },
                PartyName => g with { Name = g.Name ?? text },
                PartyIdNumber => g with { IdNumber = g.IdNumber ?? text },
                _ => g with { Phone = g.Phone ?? text },
            };
        }
        return [.. groups.Values];
    }

    /// <summary>Party columns numbered 0 or past <see cref="MaxParties"/>, which the import refuses rather than ignore.</summary>
    public static IReadOnlyList<string> PartyHeadersBeyondMax(IEnumerable<string> header) =>
        [.. PartyHeaders(header).Where(h => h.Number > MaxParties || h.Number < 1).Select(h => h.Text)];

    /// <summary>Party columns that name the same cell of the same party (当事人姓名 and 当事人1姓名, or 当事人2电话 and
    /// 当事人2联系电话), which the import refuses rather than pick one: each entry lists the columns of one cell.</summary>
    public static IReadOnlyList<string> PartyHeadersTwice(IEnumerable<string> header) =>
        [
            .. PartyHeaders(header)
                .GroupBy(h => (h.Number, h.Field))
                .Where(g => g.Count() > 1)
                .Select(g => string.Join(" 与 ", g.Select(h => h.Text))),
        ];

    private static IEnumerable<(int Number, string Field, string Text)> PartyHeaders(IEnumerable<string> header)
    {
        foreach (var text in header)
        {
            if (!text.StartsWith(PartyPrefix, StringComparison.Ordinal))
                continue;
            var digits = 0;
            while (PartyPrefix.Length + digits < text.Length && char.IsAsciiDigit(text[PartyPrefix.Length + digits]))
                digits++;
            if (digits > 3)
                continue;
            if (!PartySuffixes.TryGetValue(text[(PartyPrefix.Length + digits)..].Trim(), out var field))
                continue;
            // A file with one party often leaves out the number (当事人姓名): that is 当事人1.
            yield return (
                digits == 0 ? 1 : int.Parse(text.AsSpan(PartyPrefix.Length, digits), System.Globalization.CultureInfo.InvariantCulture),
                field,
                text
            );
        }
    }

    /// <summary>The template as CSV (UTF-8 with BOM so Excel opens it in Chinese): the header and one example row.</summary>
    public static byte[] Csv()
    {
        var text =
            string.Join(",", TemplateColumns.Select(c => CsvRecordReader.Quote(c.Header)))
            + "\r\n"
            + string.Join(",", TemplateColumns.Select(c => CsvRecordReader.Quote(c.Example)))
            + "\r\n";
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>The template as rows for an .xlsx writer: one example row keyed by header.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> ExampleRows() =>
        [TemplateColumns.ToDictionary(c => c.Header, c => (object?)c.Example)];
}
