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
    public string Number { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public string CategoryCode { get; private set; } = "";
    public string? TypeCode { get; private set; }
    public string? SubtypeCode { get; private set; }

    public byte[]? CallerNameCipher { get; private set; }
    public string? CallerNameMasked { get; private set; }

    /// <summary>Blind index of the caller's name as entered (trimmed), for the ledger's exact search by name.</summary>
    public string? CallerNameHash { get; private set; }
    public byte[]? CallerPhoneCipher { get; private set; }

    /// <summary>Blind index of the normalised phone number: finds repeat callers without decrypting.</summary>
    public string? CallerPhoneHash { get; private set; }
    public string? CallerPhoneMasked { get; private set; }

    public string? Address { get; private set; }

    /// <summary>Match key of <see cref="Address"/> (<see cref="AddressNormalizer"/>); for grouping, never shown.</summary>
    public string? AddressKey { get; private set; }
    public double? Longitude { get; private set; }
    public double? Latitude { get; private set; }
    public string Summary { get; private set; } = "";

    /// <summary>处置情况: what was done.</summary>
    public string? Disposition { get; private set; }

    /// <summary>The station (or unit) that handled it.</summary>
    public Guid HandlingUnitId { get; private set; }
    public string? HandlingOfficer { get; private set; }

    /// <summary>Where it happened (a grid, village or other unit); null while it waits in the placement queue.</summary>
    public Guid? PlaceId { get; private set; }
    public PlacementMethod? PlacedBy { get; private set; }

    /// <summary>Scope: the place when known, else the handling unit.</summary>
    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }

    /// <summary>可防性: could prevention work have stopped it.</summary>
    public bool Preventable { get; private set; }
    public IncidentValidity Validity { get; private set; } = IncidentValidity.Valid;

    /// <summary>The first incident this one repeats (重复警情), when marked as a repeat.</summary>
    public Guid? RepeatOfId { get; private set; }
    public Guid? DisputeId { get; private set; }

    /// <summary>A public-security case opened from it (治安案件).</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>Set by the repeat check on intake when it falls into a cluster.</summary>
    public bool FlaggedRepeat { get; private set; }
    public IncidentSource Source { get; private set; }
    public Guid? ImportBatchId { get; private set; }

    /// <summary>The people named in it (当事人), entered by hand, sent by the 110 system or read from the party columns
    /// of an import file.</summary>
    public List<IncidentParty> Parties { get; private set; } = [];

    public ProtectedText CallerName
    {
        get => ProtectedText.Of(CallerNameCipher, CallerNameHash, CallerNameMasked);
        private set => (CallerNameCipher, CallerNameHash, CallerNameMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    public ProtectedText CallerPhone
    {
        get => ProtectedText.Of(CallerPhoneCipher, CallerPhoneHash, CallerPhoneMasked);
        private set => (CallerPhoneCipher, CallerPhoneHash, CallerPhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    private Incident() { }

    /// <summary>An incident as received, in the placement queue (its scope the handling unit) until placed. What was
    /// received is kept as it came; what the station judges is changed by <see cref="Reassess"/>.</summary>
    public static Incident Receive(in IncidentReport r)
    {
        var incident = new Incident
        {
            Number = r.Number ?? "",
            ReceivedAt = r.ReceivedAt,
            CategoryCode = r.CategoryCode ?? "",
            TypeCode = r.TypeCode,
            SubtypeCode = r.SubtypeCode,
            Address = r.Address,
            AddressKey = r.AddressKey,
            Longitude = r.Longitude,
            Latitude = r.Latitude,
            Summary = r.Summary ?? "",
            Disposition = r.Disposition,
            HandlingUnitId = r.HandlingUnitId,
            HandlingOfficer = r.HandlingOfficer,
            Preventable = r.Preventable,
            Validity = r.Validity ?? IncidentValidity.Valid,
            Source = r.Source,
            ImportBatchId = r.ImportBatchId,
            OrgUnitId = r.HandlingUnitId,
        };
        if (r.Id is { } id)
            incident.Id = id;
        if (r.CallerName is { } name)
            incident.CallerName = name;
        if (r.CallerPhone is { } phone)
            incident.CallerPhone = phone;
        return incident;
    }

    public IncidentStage Stage =>
        CaseId is not null ? IncidentStage.CaseOpened
        : PlaceId is null ? IncidentStage.Queued
        : IncidentStage.Placed;

    public IReadOnlyList<IncidentAction> AllowedActions => IncidentTransitions.Allowed(Stage);

    /// <summary>Places the incident (or takes it back to the queue with null), moving its scope with it.</summary>
    public void Place(Guid? placeId, PlacementMethod? method)
    {
        Require(IncidentAction.Place);
        PlaceId = placeId;
        PlacedBy = placeId is null ? null : method;
        OrgUnitId = placeId ?? HandlingUnitId;
    }

    /// <summary>The station's assessment, replaced as a whole: a null optional field is cleared; a null
    /// <paramref name="preventable"/> or <paramref name="validity"/> keeps the stored value. Naming the incident it
    /// repeats makes it a repeat unless a validity is given, since the link alone would say two things at once.</summary>
    public void Reassess(
        string categoryCode,
        string? typeCode,
        string? subtypeCode,
        string? disposition,
        string? handlingOfficer,
        bool? preventable,
        IncidentValidity? validity,
        Guid? repeatOfId,
        Guid? disputeId
    )
    {
        Require(IncidentAction.Reassess);
        if (repeatOfId == Id)
            throw new ValidationFailedException("repeatOfId", "不能标记为自身的重复");
        if (validity is { } v && !Enum.IsDefined(v))
            throw new ValidationFailedException("validity", "警情有效性无效");
        (CategoryCode, TypeCode, SubtypeCode, Disposition, HandlingOfficer) = (
            categoryCode,
            typeCode,
            subtypeCode,
            disposition,
            handlingOfficer
        );
        if (preventable is { } p)
            Preventable = p;
        if (validity is { } given)
            Validity = given;
        RepeatOfId = repeatOfId;
        if (repeatOfId is not null && validity is null)
            Validity = IncidentValidity.Repeat;
        DisputeId = disputeId;
    }

    /// <summary>Judges the incident valid, a repeat or invalid, leaving the rest of the assessment as it is.</summary>
    public void Judge(IncidentValidity validity) =>
        Reassess(CategoryCode, TypeCode, SubtypeCode, Disposition, HandlingOfficer, null, validity, RepeatOfId, DisputeId);

    /// <summary>Marks it a repeat of an earlier incident (重复警情).</summary>
    public void MarkRepeatOf(Guid firstId) =>
        Reassess(CategoryCode, TypeCode, SubtypeCode, Disposition, HandlingOfficer, null, IncidentValidity.Repeat, firstId, DisputeId);

    /// <summary>The people named in it, as they stand after an intake or an edit.</summary>
    public void UseParties(List<IncidentParty> parties)
    {
        Require(IncidentAction.EditParties);
        Parties = parties;
    }

    /// <summary>Set by the repeat check when the incident falls into a cluster.</summary>
    public void FlagRepeat()
    {
        Require(IncidentAction.FlagRepeat);
        FlaggedRepeat = true;
    }

    /// <summary>Refuses, before anything else is checked, a second case from this incident.</summary>
    public void EnsureCaseCanBeRegistered() => Require(IncidentAction.RegisterCase);

    /// <summary>Records the public-security case registered from it; one incident gives at most one case.</summary>
    public void RegisterCase(Guid caseId)
    {
        Require(IncidentAction.RegisterCase);
        CaseId = caseId;
    }

    /// <summary>Links it to the dispute its cluster was turned into, unless it is linked to a dispute already.</summary>
    public void TakeDispute(Guid disputeId)
    {
        Require(IncidentAction.TakeDispute);
        DisputeId ??= disputeId;
    }

    private void Require(IncidentAction action)
    {
        if (!IncidentTransitions.IsAllowed(Stage, action))
            throw new ConflictException(IncidentTransitions.RefusalMessage(Stage, action));
    }
}
