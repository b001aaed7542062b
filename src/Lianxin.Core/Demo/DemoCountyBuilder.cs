using System.Globalization;
using Lianxin.Core.Common;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Demo;

/// <summary>Does the work of <see cref="DemoCounty.Build"/>. Everything random comes from one seeded
/// generator and everything is made in a fixed order, so a seed always gives the same county.</summary>
internal sealed class DemoCountyBuilder
{
    /// <summary>Ages are reckoned from a fixed day, not the clock, so the demo never drifts.</summary>
    private const int ReferenceYear = 2026;

    private static readonly int[] HouseholdSizeWeights = [14, 26, 24, 20, 11, 5];

    private static readonly string TagElderlyAlone = ResidentTag("elderly-alone");
    private static readonly string TagLeftBehindChild = ResidentTag("left-behind-child");
    private static readonly string TagDisabled = ResidentTag("disabled");
    private static readonly string TagLowIncome = ResidentTag("low-income");
    private static readonly string TagMigrant = ResidentTag("migrant");

    private static readonly string[] OfficerSkills = ["mediation", "patrol", "driving", "law", "first-aid"];
    private static readonly string[] AuxiliarySkills = ["patrol", "driving", "first-aid", "publicity", "drone"];
    private static readonly string[] CommitteeSkills = ["mediation", "patrol", "publicity"];
    private static readonly string[] MediationSkills = ["mediation", "law", "psychology"];
    private static readonly string[] LawSkills = ["law", "mediation"];
    private static readonly string[] PsychologySkills = ["psychology", "mediation"];
    private static readonly string[] GridSkills = ["publicity", "patrol", "first-aid"];
    private static readonly string[] CadreSkills = ["mediation", "publicity"];

    private static readonly (string Note, string[] Skills)[] AssistantKinds =
    [
        ("调解类警务助理", ["mediation", "law"]),
        ("巡防类警务助理", ["patrol", "driving"]),
        ("服务类警务助理", ["publicity", "first-aid"]),
    ];

    private static readonly (string Squad, string[] Skills)[] VolunteerSquads =
    [
        ("应急救援中队", ["rescue", "first-aid", "swimming", "drone", "driving"]),
        ("巡逻中队", ["patrol", "driving", "first-aid"]),
        ("调解中队", ["mediation", "law", "psychology"]),
        ("网格中队", ["patrol", "publicity"]),
        ("宣传中队", ["publicity", "drone"]),
    ];

    private static readonly string[] VolunteerBrands = ["老区义警", "岗南义警"];

    private readonly PersonalDataProtector _protector;
    private readonly Random _rng;
    private readonly DemoIds _ids;
    private readonly List<OrgUnit> _units = [];
    private readonly List<Resident> _residents = [];
    private readonly List<Member> _members = [];
    private readonly List<Place> _places = [];
    private readonly HashSet<string> _idPrefixes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _phones = new(StringComparer.Ordinal);
    private readonly HashSet<Resident> _serving = [];
    private readonly Dictionary<Guid, (int People, int Households)> _tally = [];

    public DemoCountyBuilder(PersonalDataProtector protector, int seed)
    {
        _protector = protector;
        _rng = new Random(seed);
        _ids = new DemoIds(seed);
    }

    public DemoCountyData Build(int residents)
    {
        var bureau = NewUnit("BUR-01", DemoLayout.BureauName, OrgUnitKind.Bureau, null);
        var stations = new List<DemoStation>();
        var districts = new List<(OrgUnit Unit, int Station, List<Place> Places)>();
        for (var s = 0; s < DemoLayout.Stations.Length; s++)
        {
            var layout = DemoLayout.Stations[s];
            var station = NewUnit($"STA-{s + 1:D2}", layout.Name, OrgUnitKind.Station, bureau);
            var stationPlaces = new List<Place>();
            int communities = 0,
                villages = 0;
            for (var d = 0; d < layout.Districts.Length; d++)
            {
                var spec = layout.Districts[d];
                var district = NewUnit($"{station.Code}-D{d + 1:D2}", spec.Name, OrgUnitKind.PoliceDistrict, station);
                var districtPlaces = new List<Place>();
                foreach (var name in spec.Communities)
                    districtPlaces.Add(
                        AddPlace($"{station.Code}-C{++communities:D2}", name, OrgUnitKind.Community, district, s, layout.Town)
                    );
                foreach (var name in spec.Villages)
                    districtPlaces.Add(AddPlace($"{station.Code}-V{++villages:D2}", name, OrgUnitKind.Village, district, s, layout.Town));
                districts.Add((district, s, districtPlaces));
                stationPlaces.AddRange(districtPlaces);
            }
            LayOut(layout, stationPlaces);
            SetCentre(station, stationPlaces);
            var first = districts.First(x => x.Station == s);
            var village = first.Places.FirstOrDefault(p => p.IsVillage) ?? first.Places[0];
            stations.Add(new DemoStation(station, first.Unit, village.Unit, village.Grids[0]));
        }
        foreach (var (district, _, places) in districts)
            SetCentre(district, places);
        SetCentre(bureau, _places);

        var shares = Apportion(residents);
        for (var i = 0; i < _places.Count; i++)
            AddResidents(_places[i], shares[i]);
        Tally();

        for (var s = 0; s < stations.Count; s++)
            AddStationStaff(stations[s].Station, DemoLayout.Stations[s]);
        foreach (var (district, _, places) in districts)
            AddDistrictStaff(district, places);
        foreach (var place in _places)
            AddPlaceHelpers(place);
        // Added last so that the rest of the county stays as it was before they were.
        foreach (var place in _places)
            AddPlaceHead(place);

        // The residents are written in bulk, past the context that would set their stations on a save.
        var stationIds = _units.Where(u => u.Kind == OrgUnitKind.Station).Select(u => u.Id).ToHashSet();
        var pathOf = _units.ToDictionary(u => u.Id, u => u.Path);
        foreach (var r in _residents)
            r.StationId = UnitStations.StationOn(pathOf[r.OrgUnitId], stationIds);

        return new DemoCountyData(_units, _residents, _members, bureau, stations);
    }

    // ---- places ----

    private OrgUnit NewUnit(string code, string name, OrgUnitKind kind, OrgUnit? parent)
    {
        var unit = OrgUnit.Create(code, name, kind, parent, _ids.Next());
        _units.Add(unit);
        return unit;
    }

    private Place AddPlace(string code, string name, OrgUnitKind kind, OrgUnit district, int station, string town)
    {
        var unit = NewUnit(code, name, kind, district);
        var place = new Place(unit, station, town);
        var grids = _rng.Next(2, 5);
        if (kind == OrgUnitKind.Village)
        {
            var groups = _rng.Next(3, 9);
            grids = Math.Min(grids, groups);
            for (var g = 0; g < grids; g++)
                place.Grids.Add(NewUnit($"{code}-G{g + 1}", $"{name}第{DemoNames.Numerals[g]}网格", OrgUnitKind.Grid, unit));
            for (var z = 0; z < groups; z++)
            {
                var grid = place.Grids[z * grids / groups];
                var label = $"{DemoNames.Numerals[z]}组";
                place.Groups.Add(new Hamlet(NewUnit($"{code}-Z{z + 1}", name + label, OrgUnitKind.Group, grid), grid, label));
            }
        }
        else
        {
            for (var g = 0; g < grids; g++)
                place.Grids.Add(NewUnit($"{code}-G{g + 1}", $"{name}第{DemoNames.Numerals[g]}网格", OrgUnitKind.Grid, unit));
        }
        _places.Add(place);
        return place;
    }

    /// <summary>Puts each village on a cell of a grid over the station's area, jittered so the map does
    /// not look ruled, with a small quadrilateral as its boundary.</summary>
    private void LayOut(DemoLayout.Station layout, List<Place> places)
    {
        var rows = (places.Count + layout.Columns - 1) / layout.Columns;
        var cellW = (layout.East - layout.West) / layout.Columns;
        var cellH = (layout.North - layout.South) / rows;
        for (var i = 0; i < places.Count; i++)
        {
            var lng = layout.West + (i % layout.Columns + 0.5 + Jitter(0.15)) * cellW;
            var lat = layout.South + (i / layout.Columns + 0.5 + Jitter(0.15)) * cellH;
            double HalfW() => cellW * 0.3 * (1 + Jitter(0.15));
            double HalfH() => cellH * 0.3 * (1 + Jitter(0.15));
            (double, double)[] ring =
            [
                (lng - HalfW(), lat - HalfH()),
                (lng + HalfW(), lat - HalfH()),
                (lng + HalfW(), lat + HalfH()),
                (lng - HalfW(), lat + HalfH()),
            ];
            var points = string.Join(",", ring.Append(ring[0]).Select(p => $"[{Coord(p.Item1)},{Coord(p.Item2)}]"));
            places[i].Unit.SetGeography($"{{\"type\":\"Polygon\",\"coordinates\":[[{points}]]}}", Round(lat), Round(lng));
        }
    }

    private static void SetCentre(OrgUnit unit, List<Place> places)
    {
        if (places.Count == 0)
            return;
        unit.SetGeography(null, Round(places.Average(p => p.Unit.CenterLat!.Value)), Round(places.Average(p => p.Unit.CenterLng!.Value)));
    }

    private double Jitter(double amplitude) => (_rng.NextDouble() * 2 - 1) * amplitude;

    private static double Round(double degrees) => Math.Round(degrees, 6);

    private static string Coord(double degrees) => Round(degrees).ToString("0.######", CultureInfo.InvariantCulture);

    // ---- residents ----

    /// <summary>Splits the residents over the places: communities are two to three times a village.</summary>
    private int[] Apportion(int residents)
    {
        var weights = _places.Select(p => p.IsVillage ? 0.6 + _rng.NextDouble() : 2.0 + 1.5 * _rng.NextDouble()).ToArray();
        var total = weights.Sum();
        var shares = weights.Select(w => (int)(residents * w / total)).ToArray();
        for (var i = 0; residents - shares.Sum() > 0; i = (i + 1) % shares.Length)
            shares[i]++;
        return shares;
    }

    private void AddResidents(Place place, int people)
    {
        var made = 0;
        while (made < people)
        {
            var size = Math.Min(HouseholdSize(), people - made);
            var (unitId, gridId, address) = NextAddress(place);
            AddHousehold(place, unitId, gridId, address, size);
            Count(unitId, size, 1);
            made += size;
            place.Households++;
        }
    }

    private int HouseholdSize()
    {
        var n = _rng.Next(HouseholdSizeWeights.Sum());
        for (var i = 0; i < HouseholdSizeWeights.Length; i++)
        {
            if (n < HouseholdSizeWeights[i])
                return i + 1;
            n -= HouseholdSizeWeights[i];
        }
        return 1;
    }

    /// <summary>Villages number houses within each group; communities fill buildings of three
    /// stairwells, six floors, two flats a floor, buildings shared out over the grids.</summary>
    private (Guid Unit, Guid Grid, string Address) NextAddress(Place place)
    {
        if (place.IsVillage)
        {
            var group = place.Groups[_rng.Next(place.Groups.Count)];
            return (group.Unit.Id, group.Grid.Id, $"{place.Town}{place.Unit.Name}{group.Label}{group.NextHouse++}号");
        }
        var k = place.Households;
        var building = k / 36 + 1;
        var stair = k % 36 / 12 + 1;
        var floor = k % 12 / 2 + 1;
        var flat = k % 2 + 1;
        var grid = place.Grids[(building - 1) % place.Grids.Count];
        return (grid.Id, grid.Id, $"{place.Unit.Name}{building}栋{stair}单元{floor}0{flat}室");
    }

    /// <summary>A household: a head, usually a spouse, then children (some grown, with children of
    /// their own) or an aged parent. Children take the father's surname.</summary>
    private void AddHousehold(Place place, Guid unitId, Guid gridId, string address, int size)
    {
        var migrant = _rng.NextDouble() < 0.02;
        var region = migrant ? DemoNames.MigrantRegions[_rng.Next(DemoNames.MigrantRegions.Length)] : DemoNames.HomeRegion;
        var lowIncome = _rng.NextDouble() < 0.015;
        var headGender = _rng.NextDouble() < 0.85 ? Gender.Male : Gender.Female;
        var headYear = 1945 + _rng.Next(48);
        var headSurname = place.Clan is { } clan && _rng.NextDouble() < 0.35 ? clan : DemoNames.Surname(_rng);
        var familySurname = headSurname;

        AddPerson(
            place,
            unitId,
            gridId,
            address,
            region,
            headSurname,
            headGender,
            headYear,
            size == 1 && ReferenceYear - headYear >= 70 ? TagElderlyAlone
                : lowIncome ? TagLowIncome
                : null,
            migrant
        );
        if (size == 1)
            return;

        var spouseGender = headGender == Gender.Male ? Gender.Female : Gender.Male;
        var spouseSurname = DemoNames.Surname(_rng);
        if (headGender == Gender.Female)
            familySurname = spouseSurname;
        AddPerson(
            place,
            unitId,
            gridId,
            address,
            region,
            spouseSurname,
            spouseGender,
            Math.Clamp(headYear + _rng.Next(-4, 5), 1930, 2000),
            null,
            migrant
        );

        var elder = false;
        for (var k = 2; k < size; k++)
        {
            if (!elder && headYear >= 1962 && _rng.NextDouble() < 0.25)
            {
                elder = true;
                var g = RandomGender();
                AddPerson(
                    place,
                    unitId,
                    gridId,
                    address,
                    region,
                    g == Gender.Male || headGender == Gender.Female ? familySurname : DemoNames.Surname(_rng),
                    g,
                    Math.Max(1930, headYear - 24 - _rng.Next(9)),
                    null,
                    migrant
                );
                continue;
            }
            var year = Math.Min(2020, headYear + 22 + _rng.Next(14));
            if (year <= 1995 && k > 2 && _rng.NextDouble() < 0.5)
                year = Math.Min(2020, year + 22 + _rng.Next(10));
            var tag = ReferenceYear - year < 16 && _rng.NextDouble() < 0.08 ? TagLeftBehindChild : null;
            AddPerson(place, unitId, gridId, address, region, familySurname, RandomGender(), year, tag, migrant);
        }
    }

    private Gender RandomGender() => _rng.Next(2) == 0 ? Gender.Male : Gender.Female;

    private void AddPerson(
        Place place,
        Guid unitId,
        Guid gridId,
        string address,
        string region,
        string surname,
        Gender gender,
        int birthYear,
        string? tag,
        bool migrant
    )
    {
        var birth = new DateOnly(birthYear, 1, 1).AddDays(_rng.Next(DateTime.IsLeapYear(birthYear) ? 366 : 365));
        var age = ReferenceYear - birthYear;
        var hasPhone = age >= 14 && _rng.NextDouble() < (age > 80 ? 0.6 : 0.92);
        var phone = hasPhone ? NewPhone() : null;
        var tags = new List<string>(2);
        if (tag is not null)
            tags.Add(tag);
        if (_rng.NextDouble() < 0.012)
            tags.Add(TagDisabled);
        if (migrant)
            tags.Add(TagMigrant);

        var resident = new Resident
        {
            Id = _ids.Next(),
            Name = surname + DemoNames.GivenName(_rng, gender, birthYear),
            Gender = gender,
            BirthDate = birth,
            Address = address,
            AddressKey = AddressNormalizer.Default.Normalize(address),
            OrgUnitId = unitId,
            Tags = tags,
            IdNumber = _protector.Protect(NewIdNumber(region, birth, gender), CitizenId.Mask),
            Phone = phone is null ? ProtectedText.Empty : _protector.Protect(phone, PhoneNumber.Mask),
        };
        _residents.Add(resident);
        if (phone is not null && age is >= 20 and <= 68)
            place.Locals.Add(new Candidate(resident, phone, birthYear, unitId, gridId));
    }

    /// <summary>Region, birth date, a sequence whose last digit is odd for men and even for women, and
    /// the check character; sequences are drawn until the number is unused.</summary>
    private string NewIdNumber(string region, DateOnly birth, Gender gender)
    {
        var date = birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        string first17;
        do
        {
            var sequence = _rng.Next(1, 500) * 2 + (gender == Gender.Male ? 1 : 0);
            first17 = region + date + sequence.ToString("D3", CultureInfo.InvariantCulture);
        } while (!_idPrefixes.Add(first17));
        return first17 + CitizenId.ComputeCheckChar(first17);
    }

    private string NewPhone()
    {
        string phone;
        do phone = DemoNames.Mobile(_rng);
        while (!_phones.Add(phone));
        return phone;
    }

    private void Count(Guid unitId, int people, int households)
    {
        var (p, h) = _tally.GetValueOrDefault(unitId);
        _tally[unitId] = (p + people, h + households);
    }

    /// <summary>Each unit's figures are those of everyone living in it and below, the way a place's
    /// population is meant. The list is parents-first, so walking it backwards completes children first.</summary>
    private void Tally()
    {
        for (var i = _units.Count - 1; i >= 0; i--)
        {
            var unit = _units[i];
            var (people, households) = _tally.GetValueOrDefault(unit.Id);
            unit.Population = people;
            unit.Households = households;
            if (unit.ParentId is { } parent)
                Count(parent, people, households);
        }
    }

    // ---- members ----

    private void AddStationStaff(OrgUnit station, DemoLayout.Station layout)
    {
        AddMember(MemberKind.Leader, station, Staff(38, 55, 0.9), Pick(MediationSkills, 1), note: "所长");
        AddMember(MemberKind.Leader, station, Staff(38, 55, 0.8), Pick(MediationSkills, 1), note: "教导员");
        for (var i = 0; i < 2; i++)
            AddMember(MemberKind.Auxiliary, station, Staff(22, 45, 0.7), Pick(AuxiliarySkills, 2));
        for (var i = 0; i < 3; i++)
            AddMember(
                MemberKind.Mediator,
                station,
                Staff(55, 72, 0.7),
                Pick(MediationSkills, 2),
                organization: $"{layout.Town}人民调解委员会",
                note: "综合调解室调解员"
            );
        foreach (var organization in layout.PartnerOrganizations)
        {
            var (skills, minAge, maxAge) = organization switch
            {
                _ when organization.Contains("法院") || organization.Contains("法庭") => (LawSkills, 30, 58),
                _ when organization.Contains("律师") || organization.Contains("司法所") => (LawSkills, 28, 60),
                _ when organization.Contains("心理") => (PsychologySkills, 30, 60),
                _ when organization.Contains("乡贤") => (MediationSkills, 60, 80),
                _ => (CadreSkills, 28, 58),
            };
            var count = 1 + _rng.Next(2);
            for (var i = 0; i < count; i++)
                AddMember(
                    MemberKind.Partner,
                    station,
                    Staff(minAge, maxAge, 0.6),
                    Pick(skills, 1 + _rng.Next(2)),
                    organization: organization
                );
        }
    }

    /// <summary>The community officer owns the district and serves its villages; a central office has two.</summary>
    private void AddDistrictStaff(OrgUnit district, List<Place> places)
    {
        var served = places.Select(p => p.Unit.Id).ToList();
        var officers = district.Name.Contains("中心") ? 2 : 1;
        for (var i = 0; i < officers; i++)
            AddMember(MemberKind.Officer, district, Staff(26, 55, 0.85), Pick(OfficerSkills, 2 + _rng.Next(2)), served: served);
        var auxiliaries = 2 + _rng.Next(2);
        for (var i = 0; i < auxiliaries; i++)
            AddMember(MemberKind.Auxiliary, district, Staff(22, 45, 0.7), Pick(AuxiliarySkills, 1 + _rng.Next(2)), served: served);
    }

    /// <summary>The head of the village or community committee (村/社区"两委"负责人): the "村干部" a land or homestead dispute
    /// calls in, registered as a "1+8+N" partner of its committee.</summary>
    private void AddPlaceHead(Place place)
    {
        var name = place.Unit.Name;
        AddMember(
            MemberKind.Partner,
            place.Unit,
            Local(place, 38, 62),
            Pick(CadreSkills, 2),
            organization: place.IsVillage ? $"{name}村民委员会" : $"{name}居民委员会",
            note: place.IsVillage ? "村党支部书记、村委会主任" : "社区党委书记、居委会主任",
            served: [place.Unit.Id]
        );
    }

    private void AddPlaceHelpers(Place place)
    {
        var brand = VolunteerBrands[Math.Min(place.Station, VolunteerBrands.Length - 1)];
        AddMember(MemberKind.SecurityDirector, place.Unit, Local(place, 40, 68), Pick(CommitteeSkills, 2), note: "治保主任");
        var committee = 2 + _rng.Next(3);
        for (var i = 0; i < committee; i++)
            AddMember(MemberKind.SecurityCommitteeMember, place.Unit, Local(place, 30, 68), Pick(CommitteeSkills, 1));

        // About one household head per hundred households, each over the largest groups (or grids) first.
        var leaves = place.IsVillage ? place.Groups.Select(g => g.Unit).ToList() : place.Grids.ToList();
        leaves = leaves
            .OrderByDescending(u => _tally.GetValueOrDefault(u.Id).Households)
            .ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var heads = place.Households == 0 ? 0 : Math.Max(1, (int)Math.Round(place.Households / 100.0));
        for (var i = 0; i < heads; i++)
        {
            var leaf = leaves[i % leaves.Count];
            AddMember(
                MemberKind.HouseholdHead,
                leaf,
                Local(place, 35, 68, l => l.Unit == leaf.Id),
                Pick(CommitteeSkills, 1),
                served: [leaf.Id]
            );
        }

        foreach (var grid in place.Grids)
            AddMember(MemberKind.GridWorker, grid, Local(place, 24, 55, l => l.Grid == grid.Id), Pick(GridSkills, 1 + _rng.Next(2)));

        var assistants = 1 + _rng.Next(2);
        for (var i = 0; i < assistants; i++)
        {
            var (note, skills) = AssistantKinds[_rng.Next(AssistantKinds.Length)];
            AddMember(MemberKind.PoliceAssistant, place.Unit, Local(place, 25, 65), Pick(skills, 1 + _rng.Next(skills.Length)), note: note);
        }

        if (place.IsVillage && _rng.NextDouble() < 0.3)
            AddMember(
                MemberKind.Mediator,
                place.Unit,
                Local(place, 45, 68),
                Pick(MediationSkills, 1 + _rng.Next(2)),
                organization: $"{place.Unit.Name}人民调解委员会"
            );

        var volunteers = 6 + _rng.Next(7);
        for (var i = 0; i < volunteers; i++)
        {
            var (squad, skills) = VolunteerSquads[_rng.Next(VolunteerSquads.Length)];
            AddMember(MemberKind.Volunteer, place.Unit, Local(place, 20, 60), Pick(skills, 1 + _rng.Next(3)), note: brand + squad);
        }
    }

    private void AddMember(
        MemberKind kind,
        OrgUnit home,
        Person person,
        List<string> skills,
        string? organization = null,
        string? note = null,
        List<Guid>? served = null
    )
    {
        var member = new Member
        {
            Id = _ids.Next(),
            Name = person.Name,
            Gender = person.Gender,
            Kind = kind,
            OrgUnitId = home.Id,
            Organization = organization,
            Skills = skills,
            ServedUnitIds = served ?? [],
            Note = note,
            Phone = _protector.Protect(person.Phone, PhoneNumber.Mask),
        };
        _members.Add(member);
    }

    /// <summary>Someone from outside the villages: police, court, lawyers.</summary>
    private Person Staff(int minAge, int maxAge, double maleShare)
    {
        var gender = _rng.NextDouble() < maleShare ? Gender.Male : Gender.Female;
        var year = ReferenceYear - minAge - _rng.Next(maxAge - minAge + 1);
        return new Person(DemoNames.Surname(_rng) + DemoNames.GivenName(_rng, gender, year), gender, NewPhone());
    }

    /// <summary>A resident of the place who takes on the role (each person one role), or someone from
    /// outside when the place has nobody suitable left, as happens with a very small demo.</summary>
    private Person Local(Place place, int minAge, int maxAge, Func<Candidate, bool>? where = null)
    {
        var locals = place.Locals;
        var start = locals.Count == 0 ? 0 : _rng.Next(locals.Count);
        for (var i = 0; i < locals.Count; i++)
        {
            var l = locals[(start + i) % locals.Count];
            var age = ReferenceYear - l.BirthYear;
            if (age < minAge || age > maxAge || (where is not null && !where(l)) || !_serving.Add(l.Resident))
                continue;
            return new Person(l.Resident.Name, l.Resident.Gender, l.Phone);
        }
        return Staff(minAge, maxAge, 0.6);
    }

    private List<string> Pick(string[] pool, int count)
    {
        var start = _rng.Next(pool.Length);
        return Enumerable.Range(0, Math.Min(count, pool.Length)).Select(i => pool[(start + i) % pool.Length]).ToList();
    }

    private static string ResidentTag(string code) =>
        DictionaryDefaults.Items.First(i => i.Category == "resident-tag" && i.Code == code).Name;

    private sealed class Place(OrgUnit unit, int station, string town)
    {
        public OrgUnit Unit { get; } = unit;
        public int Station { get; } = station;
        public string Town { get; } = town;
        public bool IsVillage => Unit.Kind == OrgUnitKind.Village;

        /// <summary>Villages named after a family (李家庄) are full of that family.</summary>
        public string? Clan => IsVillage && Unit.Name.Length > 2 && Unit.Name[1] == '家' ? Unit.Name[..1] : null;

        public List<OrgUnit> Grids { get; } = [];
        public List<Hamlet> Groups { get; } = [];
        public List<Candidate> Locals { get; } = [];
        public int Households { get; set; }
    }

    private sealed class Hamlet(OrgUnit unit, OrgUnit grid, string label)
    {
        public OrgUnit Unit { get; } = unit;
        public OrgUnit Grid { get; } = grid;
        public string Label { get; } = label;
        public int NextHouse { get; set; } = 1;
    }

    private sealed record Candidate(Resident Resident, string Phone, int BirthYear, Guid Unit, Guid Grid);

    private sealed record Person(string Name, Gender Gender, string Phone);
}
