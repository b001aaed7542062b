using Lianxin.Core.Incidents;
using NetTopologySuite.Geometries;

namespace Lianxin.Tests.Incidents;

public sealed class IncidentPlacerTests
{
    private static readonly GeometryFactory Points = new();

    [Fact]
    public void Polygons_with_holes_multipolygons_and_features_are_read_and_bad_boundaries_are_not()
    {
        var withHole = IncidentPlacer.Parse(
            """{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[4,4],[6,4],[6,6],[4,6],[4,4]]]}"""
        )!;
        Assert.True(withHole.Covers(Points.CreatePoint(new Coordinate(1, 1))));
        Assert.False(withHole.Covers(Points.CreatePoint(new Coordinate(5, 5)))); // in the hole (a courtyard of another unit)
        Assert.True(withHole.Covers(Points.CreatePoint(new Coordinate(0, 5)))); // on the edge counts as inside

        var multi = IncidentPlacer.Parse(
            """{"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":"""
                + """[[[[0,0],[1,0],[1,1],[0,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,6],[5,5]]]]}}"""
        )!;
        Assert.True(multi.Covers(Points.CreatePoint(new Coordinate(5.5, 5.5))));
        Assert.False(multi.Covers(Points.CreatePoint(new Coordinate(3, 3))));

        Assert.Null(IncidentPlacer.Parse("not json"));
        Assert.Null(IncidentPlacer.Parse("""{"type":"Point","coordinates":[1,2]}"""));
        Assert.Null(IncidentPlacer.Parse("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1]]]}"""));
    }
}
