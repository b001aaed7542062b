using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using T = Lianxin.Core.Incidents.Import.IncidentImportTemplate;

namespace Lianxin.Core.Incidents.Import;

/// <summary>Checks one row of an import file against the template's rules and, when it passes, turns it into an
/// incident ready to store (caller encrypted with a blind index, address key computed, created by the importer
/// in the batch). The category dictionary and the units (with the importer's scope) are read once per file.</summary>
internal sealed class RowChecker
{
    private static readonly TimeSpan ChinaOffset = ChinaTime.Offset;
    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, ChinaOffset);
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd H:mm:ss",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd H:mm",
        "yyyy-M-d H:mm:ss",
        "yyyy-M-d H:mm",
        "yyyy/M/d H:mm:ss",
        "yyyy/M/d HH:mm:ss",
        "yyyy/M/d H:mm",
        "yyyy/M/d HH:mm",
        "yyyyMMddHHmmss",
        "yyyy-MM-ddTHH:mm:ss",
        "yyyy年M月d日 H:mm:ss",
        "yyyy年M月d日 H:mm",
        "yyyy年M月d日H时m分",
    ];

    private readonly PersonalDataProtector _protector;
    private readonly AddressNormalizer _addresses;
    private readonly DateTimeOffset _latest;
    private readonly DateTimeOffset _now;
    private readonly string? _importerId;

    /// <summary>Codes and names of the category levels, keyed by parent code ("" for the first level).</summary>
    private readonly Dictionary<string, Dictionary<string, string>> _categories;
    private readonly Dictionary<string, (Guid Id, bool Retired, bool InScope)> _units;

    private RowChecker(
        PersonalDataProtector protector,
        AddressNormalizer addresses,
        DateTimeOffset now,
        string? importerId,
        Dictionary<string, Dictionary<string, string>> categories,
        Dictionary<string, (Guid, bool, bool)> units
    )
    {
        _protector = protector;
        _addresses = addresses;
        _now = now.ToUniversalTime();
        _importerId = importerId;
        _latest = now.AddHours(1);
        _categories = categories;
        _units = units;
    }

    public static async Task<RowChecker> CreateAsync(
        LianxinDbContext db,
        ICurrentUser user,
        PersonalDataProtector protector,
        AddressNormalizer addresses,
        CancellationToken ct
    )
    {
        var items = await db
            .DictionaryItems.AsNoTracking()
            .Where(d => d.Category == "incident-category" && d.IsActive)
            .Select(d => new
            {
                d.Code,
                d.Name,
                d.ParentCode,
            })
            .ToListAsync(ct);
        var categories = new Dictionary<string, Dictionary<string, string>>();
        foreach (var item in items)
        {
            var key = item.ParentCode ?? "";
            if (!categories.TryGetValue(key, out var level))
                categories[key] = level = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            level[item.Code] = item.Code;
            level.TryAdd(item.Name, item.Code);
        }
        var scope = await user.GetScopeAsync(ct);
        var inScope = (await db.OrgUnits.AsNoTracking().Where(scope.UnitFilter()).Select(u => u.Id).ToListAsync(ct)).ToHashSet();
        var units = new Dictionary<string, (Guid, bool, bool)>(StringComparer.OrdinalIgnoreCase);
        foreach (
            var u in await db
                .OrgUnits.AsNoTracking()
                .Select(u => new
                {
                    u.Id,
                    u.Code,
                    u.IsRetired,
                })
                .ToListAsync(ct)
        )
            if (u.Code.Length > 0)
                units.TryAdd(u.Code, (u.Id, u.IsRetired, inScope.Contains(u.Id)));
        return new RowChecker(protector, addresses, db.Now, user.UserId, categories, units);
    }

    /// <summary>The incident of the row (not yet placed: its scope is the handling unit) with the parties of the
    /// file's party columns (<paramref name="partyColumns"/>, none when the file has no such columns), or null with the
    /// reasons added to <paramref name="errors"/>. Safe to call from several threads at once: the checker only reads
    /// its tables.</summary>
    public Incident? Check(
        int rowNumber,
        Func<string, string?> get,
        Guid batchId,
        List<RowError> errors,
        IReadOnlyList<T.PartyGroupColumns>? partyColumns = null
    )
    {
        var before = errors.Count;
        var number = Text(errors, get, T.Number, TextLimits.Code, required: true);
        if (number is not null && !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            Fail(errors, T.Number, number, "警情编号只能由字母、数字、“-”和“_”组成");

        DateTimeOffset received = default;
        var time = get(T.ReceivedAt);
        if (time is null)
            Fail(errors, T.ReceivedAt, null, "接警时间不能为空");
        else if (!DateTime.TryParseExact(time, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            Fail(errors, T.ReceivedAt, time, "接警时间格式不对，应为“2026-11-26 08:30:00”");
        else
        {
            received = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaOffset);
            if (received < Earliest)
                Fail(errors, T.ReceivedAt, time, "接警时间早于 2000 年，请核对");
            else if (received > _latest)
                Fail(errors, T.ReceivedAt, time, "接警时间晚于当前时间");
        }

        var category = Level(errors, get, T.Category, "", "警情类别", null);
        string? type = null,
            subtype = null;
        // A level is checked against its parent only when the parent passed: one mistake, one line in the report.
        if (category is not null && get(T.Type) is not null)
            type = Level(errors, get, T.Type, category, "警情类型", "警情类别");
        if (get(T.Subtype) is { } subtypeText)
        {
            if (get(T.Type) is null)
                Fail(errors, T.Subtype, subtypeText, "填写警情细类时须同时填写警情类型");
            else if (type is not null)
                subtype = Level(errors, get, T.Subtype, type, "警情细类", "警情类型");
        }

        var callerName = Text(errors, get, T.CallerName, TextLimits.Name, required: false, masked: true);
        string? phone = null;
        if (get(T.CallerPhone) is { } phoneText)
        {
            var parsed = PhoneNumber.Parse(phoneText);
            if (parsed.IsValid)
                phone = parsed.Normalized;
            else
                Fail(errors, T.CallerPhone, PhoneNumber.Mask(phoneText), parsed.Error ?? "报警电话格式不对");
        }

        var address = Text(errors, get, T.Address, TextLimits.Address, required: true);
        var lng = Coordinate(errors, get, T.Longitude, 73, 136);
        var lat = Coordinate(errors, get, T.Latitude, 3, 54);
        if ((get(T.Longitude) is null) != (get(T.Latitude) is null))
            Fail(errors, get(T.Longitude) is null ? T.Longitude : T.Latitude, null, "经度和纬度须同时填写或同时留空");
        var summary = Text(errors, get, T.Summary, TextLimits.Text, required: true);
        var disposition = Text(errors, get, T.Disposition, TextLimits.Text, required: false);
        var officer = Text(errors, get, T.HandlingOfficer, TextLimits.Name, required: false);

        Guid unitId = default;
        var unitCode = get(T.HandlingUnit);
        if (unitCode is null)
            Fail(errors, T.HandlingUnit, null, "处警单位编码不能为空");
        else if (!_units.TryGetValue(unitCode, out var unit))
            Fail(errors, T.HandlingUnit, unitCode, $"单位编码“{Short(unitCode)}”不存在");
        else if (unit.Retired)
            Fail(errors, T.HandlingUnit, unitCode, "该单位已撤销");
        else if (!unit.InScope)
            Fail(errors, T.HandlingUnit, unitCode, "处警单位不在您的管辖范围内");
        else
            unitId = unit.Id;

        var preventable = false;
        if (get(T.Preventable) is { } p)
        {
            switch (p.ToLowerInvariant())
            {
                case "是" or "可防" or "1" or "y" or "yes" or "true":
                    preventable = true;
                    break;
                case "否" or "不可防" or "0" or "n" or "no" or "false":
                    break;
                default:
                    Fail(errors, T.Preventable, p, "可防性应填“是”或“否”");
                    break;
            }
        }
        var validity = IncidentValidity.Valid;
        if (get(T.Validity) is { } v)
        {
            validity = v switch
            {
                "有效" or "有效警情" => IncidentValidity.Valid,
                "重复" or "重复警情" => IncidentValidity.Repeat,
                "无效" or "无效警情" => IncidentValidity.Invalid,
                _ => Invalid(v),
            };
        }

        List<PartyCells>? parties = null;
        // Indexed, not enumerated: a file without party columns pays nothing per row.
        for (var g = 0; g < (partyColumns?.Count ?? 0); g++)
            if (Party(errors, get, partyColumns![g]) is { } party)
                (parties ??= []).Add(party);

        if (errors.Count > before)
            return null;
        // A name is never searched for, so it gets no blind index.
        var nameText = callerName is null
            ? ProtectedText.Empty
            : new ProtectedText { Cipher = _protector.Encrypt(callerName), Masked = PersonName.Mask(callerName) };
        var phoneText2 = phone is null ? ProtectedText.Empty : _protector.Protect(phone, PhoneNumber.Mask);
        var incident = Incident.Receive(
            new IncidentReport
            {
                Number = number!,
                ReceivedAt = received.ToUniversalTime(),
                CategoryCode = category!,
                TypeCode = type,
                SubtypeCode = subtype,
                CallerName = nameText,
                CallerPhone = phoneText2,
                Address = address,
                AddressKey = _addresses.Key(address),
                Longitude = lng,
                Latitude = lat,
                Summary = summary!,
                Disposition = disposition,
                HandlingUnitId = unitId,
                HandlingOfficer = officer,
                Preventable = preventable,
                Validity = validity,
                Source = IncidentSource.Import,
                ImportBatchId = batchId,
            }
        );
        // Written by the bulk writer, not by a save: the stamps a save would give are set here.
        (incident.CreatedAt, incident.UpdatedAt, incident.CreatedById, incident.Version) = (_now, _now, _importerId, 1);
        if (parties is not null)
            incident.UseParties([.. parties.Select((p, n) => Protect(p, incident, n))]);
        return incident;

        IncidentValidity Invalid(string value)
        {
            Fail(errors, T.Validity, value, "警情性质应填“有效”“重复”或“无效”");
            return IncidentValidity.Valid;
        }
    }

    /// <summary>One party's cells as checked: the ID number and phone normalised.</summary>
    private sealed record PartyCells(IncidentPartyRole Role, string? Name, string? IdNumber, string? Phone);

    /// <summary>Checks one party group of the row as the 110 API checks a party: role from the same set (default
    /// 当事人), at least a name, an ID number or a phone, the name's length, a valid ID number and phone. Null when the
    /// group is blank or wrong (the reasons added to <paramref name="errors"/>).</summary>
    private static PartyCells? Party(List<RowError> errors, Func<string, string?> get, T.PartyGroupColumns group)
    {
        var roleText = group.Role is null ? null : get(group.Role);
        var name = group.Name is null ? null : get(group.Name);
        var idText = group.IdNumber is null ? null : get(group.IdNumber);
        var phoneText = group.Phone is null ? null : get(group.Phone);
        if (roleText is null && name is null && idText is null && phoneText is null)
            return null;
        var before = errors.Count;

        var role = IncidentPartyRole.Party;
        if (roleText is not null && !T.PartyRoles.TryGetValue(roleText, out role))
            Fail(errors, group.Role!, roleText, $"{group.Label}身份应填“当事人”“嫌疑人”“受害人”或“证人”");
        if (name is null && idText is null && phoneText is null)
            Fail(errors, group.Role!, roleText, $"{group.Label}须至少填写姓名、身份证号或联系电话之一");
        if (name is not null && name.Length > TextLimits.Name)
            Fail(errors, group.Name!, PersonName.Mask(name), $"{group.Label}姓名不能超过 {TextLimits.Name} 个字，实际 {name.Length} 个字");

        string? idNumber = null,
            phone = null;
        // Shown masked in the report like the stored values; the reason says what is wrong.
        if (idText is not null && IncidentPartyRules.IdNumberProblem(idText, out idNumber) is { } idProblem)
            Fail(errors, group.IdNumber!, CitizenId.Mask(idText), idProblem + (RoundedByExcel(idText) ? ExcelNumberHint : ""));
        if (phoneText is not null && IncidentPartyRules.PhoneProblem(phoneText, out phone) is { } phoneProblem)
            Fail(
                errors,
                group.Phone!,
                PhoneNumber.Mask(
                    phoneText.Length > IncidentPartyRules.MaxFieldLength ? phoneText[..IncidentPartyRules.MaxFieldLength] : phoneText
                ),
                phoneProblem
            );
        return errors.Count > before ? null : new PartyCells(role, name, idNumber, phone);
    }

    /// <summary>Excel keeps 15 significant digits, so an ID number typed into a number cell comes back ending in 000.</summary>
    private static bool RoundedByExcel(string text) =>
        text.Length == 18 && text.All(char.IsAsciiDigit) && text.EndsWith("000", StringComparison.Ordinal);

    private const string ExcelNumberHint = "。该号码末三位为 0，可能是 Excel 把身份证号存成了数字：请把该列设为“文本”格式后重新填写";

    /// <summary>The party as the 110 API stores it: name, ID number and phone encrypted, the ID number and phone with
    /// blind indexes, masked forms, and the person key.</summary>
    private IncidentParty Protect(PartyCells cells, Incident incident, int position)
    {
        var party = new IncidentParty
        {
            IncidentId = incident.Id,
            Position = position,
            Role = cells.Role,
            ReceivedAt = incident.ReceivedAt,
        };
        party.SetPerson(_protector, cells.Name, cells.IdNumber, cells.Phone);
        return party;
    }

    private static string? Text(
        List<RowError> errors,
        Func<string, string?> get,
        string column,
        int max,
        bool required,
        bool masked = false
    )
    {
        var value = get(column);
        if (value is null)
        {
            if (required)
                Fail(errors, column, null, $"{column}不能为空");
            return null;
        }
        if (value.Length > max)
        {
            Fail(errors, column, masked ? PersonName.Mask(value) : value, $"{column}不能超过 {max} 个字，实际 {value.Length} 个字");
            return null;
        }
        return value;
    }

    private string? Level(List<RowError> errors, Func<string, string?> get, string column, string parent, string label, string? parentLabel)
    {
        var value = get(column);
        if (value is null)
        {
            if (parentLabel is null)
                Fail(errors, column, null, $"{label}不能为空");
            return null;
        }
        if (_categories.TryGetValue(parent, out var level) && level.TryGetValue(value, out var code))
            return code;
        Fail(
            errors,
            column,
            value,
            parentLabel is null ? $"{label}“{Short(value)}”不在警情类别字典的第一级中" : $"{label}“{Short(value)}”不属于所填{parentLabel}"
        );
        return null;
    }

    private static double? Coordinate(List<RowError> errors, Func<string, string?> get, string column, double min, double max)
    {
        if (get(column) is not { } text)
            return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || double.IsNaN(v))
        {
            Fail(errors, column, text, $"{column}应为数字");
            return null;
        }
        if (v < min || v > max)
        {
            Fail(errors, column, text, $"{column}须在 {min} 到 {max} 之间（我国境内）");
            return null;
        }
        return v;
    }

    private static string Short(string s) => s.Length > 20 ? s[..20] + "…" : s;

    private static void Fail(List<RowError> errors, string field, string? value, string reason) =>
        errors.Add(new RowError(field, value is { Length: > 120 } ? value[..120] + "…" : value, reason));
}
