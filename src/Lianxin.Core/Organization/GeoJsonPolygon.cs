using System.Text.Json;
using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>Checks that a boundary is a GeoJSON Polygon or MultiPolygon with closed rings of
/// valid coordinates, and returns it compacted. A bad boundary would break the map for everyone.</summary>
public static class GeoJsonPolygon
{
    public static string Validate(string json)
    {
        if (json.Length > TextLimits.GeoJson)
            throw Fail($"边界数据过大（上限 {TextLimits.GeoJson / 1000} KB）");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            throw Fail("边界不是有效的 GeoJSON");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && TypeOf(root) == "Feature" && root.TryGetProperty("geometry", out var g))
                root = g;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("coordinates", out var coords))
                throw Fail("边界须为 Polygon 或 MultiPolygon 几何");
            switch (TypeOf(root))
            {
                case "Polygon":
                    CheckPolygon(coords);
                    break;
                case "MultiPolygon":
                    if (coords.ValueKind != JsonValueKind.Array || coords.GetArrayLength() == 0)
                        throw Fail("MultiPolygon 没有多边形");
                    foreach (var p in coords.EnumerateArray())
                        CheckPolygon(p);
                    break;
                default:
                    throw Fail("边界须为 Polygon 或 MultiPolygon 几何");
            }
            return JsonSerializer.Serialize(root);
        }
    }

    private static string? TypeOf(JsonElement e) =>
        e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    private static void CheckPolygon(JsonElement polygon)
    {
        if (polygon.ValueKind != JsonValueKind.Array || polygon.GetArrayLength() == 0)
            throw Fail("多边形没有边界环");
        foreach (var ring in polygon.EnumerateArray())
        {
            if (ring.ValueKind != JsonValueKind.Array || ring.GetArrayLength() < 4)
                throw Fail("边界环至少需要 4 个点（首尾相同）");
            var points = ring.EnumerateArray().Select(Point).ToList();
            if (points[0] != points[^1])
                throw Fail("边界环未闭合：首尾两点须相同");
        }
    }

    private static (double Lng, double Lat) Point(JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Array || p.GetArrayLength() < 2)
            throw Fail("坐标须为 [经度, 纬度]");
        if (!p[0].TryGetDouble(out var lng) || !p[1].TryGetDouble(out var lat))
            throw Fail("坐标须为数字");
        if (lng is < -180 or > 180 || lat is < -90 or > 90)
            throw Fail("坐标超出经纬度范围");
        return (lng, lat);
    }

    private static ValidationFailedException Fail(string message) => new("boundaryGeoJson", message);
}
