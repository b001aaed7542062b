using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Incidents;

/// <summary>A 110 incident (警情) as the command system hands it to the station: one per 110 number.
/// The category has three levels as 110 systems keep it (类别 / 类型 / 细类), all from the
/// "incident-category" dictionary (a type's parent is its category, a subtype's parent its type).
///
/// Where it happened is <see cref="PlaceId"/>, found from the coordinates (the grid whose boundary holds
/// the point) or else from the normalised address; until then it waits in the placement queue
/// (<see cref="PlaceId"/> null). Its data scope (<see cref="OrgUnitId"/>) is the place once known, else the
/// handling unit, so the officers over a village see what happened there.</summary>
public sealed class Incident : Entity, IScoped
{
    /// <summary>The 110 number (警情编号), unique: intake by API or file with a known number changes nothing.</summary>
    public string Number { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public string CategoryCode { get; set; } = "";
    public string? TypeCode { get; set; }
    public string? SubtypeCode { get; set; }

    public byte[]? CallerNameCipher { get; private set; }
    public string? CallerNameMasked { get; private set; }
    public byte[]? CallerPhoneCipher { get; private set; }

    /// <summary>Blind index of the normalised phone number: finds repeat callers without decrypting.</summary>
    public string? CallerPhoneHash { get; private set; }
    public string? CallerPhoneMasked { get; private set; }

    public string? Address { get; set; }

    /// <summary>Match key of <see cref="Address"/> (<see cref="AddressNormalizer"/>); for grouping, never shown.</summary>
    public string? AddressKey { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    public string Summary { get; set; } = "";

    /// <summary>处置情况: what was done.</summary>
    public string? Disposition { get; set; }

    /// <summary>The station (or unit) that handled it.</summary>
    public Guid HandlingUnitId { get; set; }
    public string? HandlingOfficer { get; set; }

    /// <summary>Where it happened (a grid, village or other unit); null while it waits in the placement queue.</summary>
    public Guid? PlaceId { get; set; }
    public PlacementMethod? PlacedBy { get; set; }

    /// <summary>Scope: the place when known, else the handling unit.</summary>
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>可防性: could prevention work have stopped it.</summary>
    public bool Preventable { get; set; }
    public IncidentValidity Validity { get; set; } = IncidentValidity.Valid;

    /// <summary>The first incident this one repeats (重复警情), when marked as a repeat.</summary>
    public Guid? RepeatOfId { get; set; }
    public Guid? DisputeId { get; set; }

    /// <summary>A public-security case opened from it (治安案件).</summary>
    public Guid? CaseId { get; set; }

    /// <summary>Set by the repeat check on intake when it falls into a cluster.</summary>
    public bool FlaggedRepeat { get; set; }
    public IncidentSource Source { get; set; }
    public Guid? ImportBatchId { get; set; }

    /// <summary>The people named in it (当事人), entered by hand, sent by the 110 system or read from the party columns of an import file.</summary>
    public List<IncidentParty> Parties { get; set; } = [];

    public ProtectedText CallerName
    {
        get => new() { Cipher = CallerNameCipher, Masked = CallerNameMasked };
        set => (CallerNameCipher, CallerNameMasked) = (value.Cipher, value.Masked);
    }

    public ProtectedText CallerPhone
    {
        get => new() { Cipher = CallerPhoneCipher, Hash = CallerPhoneHash, Masked = CallerPhoneMasked };
        set => (CallerPhoneCipher, CallerPhoneHash, CallerPhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    /// <summary>Places the incident (or takes it back to the queue with null), moving its scope with it.</summary>
    public void Place(Guid? placeId, PlacementMethod? method)
    {
        PlaceId = placeId;
        PlacedBy = placeId is null ? null : method;
        OrgUnitId = placeId ?? HandlingUnitId;
    }
}

/// <summary>A "related" link between two incidents (the same event reported twice, one caller about
/// another's incident); stored once per pair, lower id first.</summary>
public sealed class IncidentLink
{
    public Guid IncidentId { get; set; }
    public Guid RelatedId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
}

public enum IncidentValidity
{
    Valid = 1,   // 有效警情
    Repeat = 2,  // 重复警情
    Invalid = 3, // 无效警情 (prank, misdial, no police matter)
}

public enum IncidentSource
{
    Manual = 1, // entered at the station
    Api = 2,    // pushed by the 110 system
    Import = 3, // from a CSV or Excel file
}

public enum PlacementMethod
{
    Coordinates = 1, // the point lies in the unit's boundary
    Address = 2,     // the normalised address matches the place register
    Hand = 3,        // chosen by staff from the queue
}

public static class IncidentLabels
{
    public static string Label(this IncidentValidity v) => v switch
    {
        IncidentValidity.Valid => "有效",
        IncidentValidity.Repeat => "重复",
        IncidentValidity.Invalid => "无效",
        _ => v.ToString(),
    };

    public static string Label(this IncidentSource s) => s switch
    {
        IncidentSource.Manual => "手工录入",
        IncidentSource.Api => "110 系统推送",
        IncidentSource.Import => "文件导入",
        _ => s.ToString(),
    };

    public static string Label(this PlacementMethod m) => m switch
    {
        PlacementMethod.Coordinates => "按坐标落地",
        PlacementMethod.Address => "按地址匹配",
        PlacementMethod.Hand => "人工指定",
        _ => m.ToString(),
    };
}
