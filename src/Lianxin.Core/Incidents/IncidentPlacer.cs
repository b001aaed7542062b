using System.Text.Json;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Lianxin.Core.Incidents;

/// <summary>Finds where an incident happened: the smallest unit whose boundary holds its coordinates (a grid
/// before its village, a village before its station), else the unit of the residents registered at its
/// normalised address; else nowhere, and the incident waits in the placement queue for staff.
///
/// Only units of the station that handled it are considered, so an incident never lands in another
/// station's area by a stray coordinate. Boundaries are parsed once per station for the life of this
/// object (one request or one import), so a changed boundary counts from the next request on.</summary>
public sealed class IncidentPlacer(LianxinDbContext db)
{
    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);
    private readonly Dictionary<Guid, string> _roots = [];
    private readonly Dictionary<string, List<Area>> _areas = [];
    private readonly Dictionary<string, PlaceRegister.LoadedRegister?> _registers = [];

    /// <summary>A call placing more incidents than this reads the register of each station they fall under whole, once
    /// (kept for the placer's life, which is one request or one import), instead of asking per call.</summary>
    public int LoadRegisterAbove { get; init; } = 1000;

    private sealed record Area(Guid UnitId, int Depth, IPreparedGeometry Shape);

    /// <summary>Places the incident (sets <see cref="Incident.PlaceId"/> and its scope) or leaves it queued.</summary>
    public async Task<PlacementMethod?> PlaceAsync(Incident incident, CancellationToken ct) => (await PlaceManyAsync([incident], ct))[0];

    /// <summary>Places many incidents with the same result as <see cref="PlaceAsync"/> for each: coordinates are
    /// tested in memory against the boundaries (read once per station), and the incidents left over are looked up
    /// in the register of residents together, one query per station (a few for very long lists), instead of
    /// one per incident. Returns the method of each incident, in order.</summary>
    public async Task<IReadOnlyList<PlacementMethod?>> PlaceManyAsync(IReadOnlyList<Incident> incidents, CancellationToken ct)
    {
        var methods = new PlacementMethod?[incidents.Count];
        var byAddress = new Dictionary<string, List<int>>(StringComparer.Ordinal); // station root -> incidents left for the register
        for (var i = 0; i < incidents.Count; i++)
        {
            var incident = incidents[i];
            var root = await RootPathAsync(incident.HandlingUnitId, ct);
            if (root is null)
                continue;
            if (await CoordinatesHitAsync(root, incident, ct) is { } hit)
            {
                incident.Place(hit, PlacementMethod.Coordinates);
                methods[i] = PlacementMethod.Coordinates;
            }
            else if (!string.IsNullOrEmpty(incident.AddressKey))
            {
                if (!byAddress.TryGetValue(root, out var waiting))
                    byAddress[root] = waiting = [];
                waiting.Add(i);
            }
            else
            {
                incident.Place(null, null);
            }
        }

        foreach (var (root, waiting) in byAddress)
        {
            var keys = waiting.Select(i => incidents[i].AddressKey!);
            if (incidents.Count > LoadRegisterAbove && !_registers.ContainsKey(root))
                _registers[root] = await PlaceRegister.LoadAsync(ResidentsUnder(root), ct);
            var units = _registers.GetValueOrDefault(root) is { } register
                ? register.UnitsFor(keys)
                : await PlaceRegister.UnitsForAddressKeysAsync(ResidentsUnder(root), keys, ct);
            foreach (var i in waiting)
            {
                var found = units.TryGetValue(incidents[i].AddressKey!, out var unit);
                incidents[i].Place(found ? unit : null, found ? PlacementMethod.Address : null);
                methods[i] = found ? PlacementMethod.Address : null;
            }
        }
        return methods;
    }

    private async Task<Guid?> CoordinatesHitAsync(string root, Incident incident, CancellationToken ct)
    {
        if (incident is not { Longitude: { } lng, Latitude: { } lat })
            return null;
        var point = Geometry.CreatePoint(new Coordinate(lng, lat));
        return (await AreasAsync(root, ct)).FirstOrDefault(a => a.Shape.Covers(point))?.UnitId;
    }

    private IQueryable<Resident> ResidentsUnder(string root) =>
        db.Residents.Where(r => r.OrgUnit!.Path.StartsWith(root) && !r.OrgUnit.IsRetired);

    /// <summary>The path of the station above (or at) the handling unit; the handling unit's own path when no station
    /// is above it.</summary>
    private async Task<string?> RootPathAsync(Guid handlingUnitId, CancellationToken ct)
    {
        if (_roots.TryGetValue(handlingUnitId, out var known))
            return known;
        var unit = await db
            .OrgUnits.AsNoTracking()
            .Where(u => u.Id == handlingUnitId)
            .Select(u => new { u.Path, u.Kind })
            .FirstOrDefaultAsync(ct);
        if (unit is null)
            return null;
        var path = unit.Path;
        if (unit.Kind != OrgUnitKind.Station)
        {
            var chain = OrgUnit.ChainOf(unit.Path);
            var station = await db
                .OrgUnits.AsNoTracking()
                .Where(u => chain.Contains(u.Id) && u.Kind == OrgUnitKind.Station)
                .Select(u => u.Path)
                .FirstOrDefaultAsync(ct);
            path = station ?? unit.Path;
        }
        _roots[handlingUnitId] = path;
        return path;
    }

    private async Task<List<Area>> AreasAsync(string root, CancellationToken ct)
    {
        if (_areas.TryGetValue(root, out var known))
            return known;
        var units = await db
            .OrgUnits.AsNoTracking()
            .Where(u => u.Path.StartsWith(root) && !u.IsRetired && u.BoundaryGeoJson != null)
            .Select(u => new
            {
                u.Id,
                u.Depth,
                u.BoundaryGeoJson,
            })
            .ToListAsync(ct);
        var areas = new List<Area>();
        foreach (var u in units)
        {
            if (Parse(u.BoundaryGeoJson!) is { } shape)
                areas.Add(new Area(u.Id, u.Depth, NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(shape)));
        }
        // Deepest first: the smallest unit that holds the point wins.
        areas.Sort((a, b) => b.Depth.CompareTo(a.Depth));
        _areas[root] = areas;
        return areas;
    }

    /// <summary>A GeoJSON Polygon or MultiPolygon (bare or in a Feature) as a geometry; null if it cannot be read.</summary>
    internal static Geometry? Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            if (Type(root) == "Feature" && root.TryGetProperty("geometry", out var g))
                root = g;
            if (!root.TryGetProperty("coordinates", out var coords))
                return null;
            Geometry shape = Type(root) switch
            {
                "Polygon" => Polygon(coords),
                "MultiPolygon" => Geometry.CreateMultiPolygon(coords.EnumerateArray().Select(Polygon).ToArray()),
                _ => throw new FormatException(),
            };
            // A self-touching ring drawn by hand is still a usable area; buffer(0) mends it.
            return shape.IsValid ? shape : shape.Buffer(0);
        }
        catch (Exception e)
            when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static string? Type(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()
            : null;

    private static Polygon Polygon(JsonElement rings)
    {
        var all = rings
            .EnumerateArray()
            .Select(r =>
                Geometry.CreateLinearRing(r.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray())
            )
            .ToList();
        return Geometry.CreatePolygon(all[0], all.Skip(1).ToArray());
    }
}
