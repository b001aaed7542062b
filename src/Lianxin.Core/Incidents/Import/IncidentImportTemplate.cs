namespace Lianxin.Core.Incidents.Import;

/// <summary>One column of the import file: its Chinese header (as 110 systems export it), whether a row
/// needs it, and what goes in it.</summary>
public sealed record ImportColumn(string Header, bool Required, string Description, string Example);

/// <summary>The columns of the incident import file, in template order. Headers are matched by name, so
/// the columns may come in any order and extra columns are ignored.</summary>
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

    /// <summary>The template as CSV (UTF-8 with BOM so Excel opens it in Chinese): the header and one example row.</summary>
    public static byte[] Csv()
    {
        var text = string.Join(",", Columns.Select(c => CsvRecordReader.Quote(c.Header))) + "\r\n"
            + string.Join(",", Columns.Select(c => CsvRecordReader.Quote(c.Example))) + "\r\n";
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    /// <summary>The template as rows for an .xlsx writer: one example row keyed by header.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> ExampleRows() =>
        [Columns.ToDictionary(c => c.Header, c => (object?)c.Example)];
}
