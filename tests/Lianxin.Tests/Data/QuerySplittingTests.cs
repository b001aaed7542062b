using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Lianxin.Tests.Data;

public sealed class QuerySplittingSqliteTests(SqliteApp app) : QuerySplittingTests(app), IClassFixture<SqliteApp>;

public sealed class QuerySplittingPostgresTests(PostgresApp app) : QuerySplittingTests(app), IClassFixture<PostgresApp>;

/// <summary>Records with several collections (a dispute's parties, timeline and visits) are read one collection per
/// statement, so EF never joins them into a row for every combination and never warns that it would.</summary>
public abstract class QuerySplittingTests(AppFixture app)
{
    [Fact]
    public async Task The_app_reads_collections_by_separate_statements()
    {
        var (behavior, sql) = await app.Factory.WithDbAsync(db =>
        {
            var options = db.GetService<IDbContextOptions>();
            var sql = db.Disputes.Where(d => d.Id == app.World.DisputeIds[0]).ToQueryString();
            return Task.FromResult((RelationalOptionsExtension.Extract(options).QuerySplittingBehavior, sql));
        });
        Assert.Equal(QuerySplittingBehavior.SplitQuery, behavior);
        Assert.DoesNotContain("DisputeEvents", sql); // the first statement reads the dispute alone
    }
}
