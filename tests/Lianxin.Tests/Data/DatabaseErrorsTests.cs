using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Core.Volunteers.Feed;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Data;

public sealed class DatabaseErrorsSqliteTests(SqliteApp app) : DatabaseErrorsTests(app), IClassFixture<SqliteApp>;

public sealed class DatabaseErrorsPostgresTests(PostgresApp app) : DatabaseErrorsTests(app), IClassFixture<PostgresApp>;

/// <summary>The provider's reading of a failed write, from errors the database really raised: a row a unique index or a
/// primary key already holds is a unique violation; a missing parent row, a missing table or any other failure is not.</summary>
public abstract class DatabaseErrorsTests(AppFixture app)
{
    /// <summary>Runs <paramref name="write"/> in a fresh context and returns what it threw, with the provider's reading.</summary>
    private Task<(Exception Error, bool Unique)> FailureOfAsync(Func<LianxinDbContext, Task> write) =>
        app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LianxinDbContext>();
            var error = await Record.ExceptionAsync(() => write(db));
            Assert.NotNull(error);
            return (error, sp.GetRequiredService<IDatabaseErrors>().IsUniqueViolation(error));
        });

    [Fact]
    public async Task A_second_row_with_a_stored_primary_key_is_a_unique_violation()
    {
        var name = "err-" + Guid.NewGuid().ToString("N")[..20];
        await app.Factory.WithDbAsync(db =>
        {
            db.RollupStates.Add(new RollupState { Name = name, BuiltAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var (error, unique) = await FailureOfAsync(db =>
        {
            db.RollupStates.Add(new RollupState { Name = name, BuiltAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        Assert.IsType<DbUpdateException>(error);
        Assert.True(unique);
    }

    [Fact]
    public async Task A_row_with_a_value_a_unique_index_holds_is_a_unique_violation()
    {
        var taken = await app.Factory.WithDbAsync(db =>
            db.Users.AsNoTracking().Where(u => u.UserName == "leader1").Select(u => u.NormalizedUserName).SingleAsync()
        );
        var (error, unique) = await FailureOfAsync(db =>
        {
            db.Users.Add(
                new LianxinUser
                {
                    UserName = "errors-test",
                    NormalizedUserName = taken,
                    DisplayName = "重名账号",
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            return db.SaveChangesAsync();
        });
        Assert.IsType<DbUpdateException>(error);
        Assert.True(unique);
    }

    [Fact]
    public async Task The_violation_is_recognised_however_deeply_it_is_wrapped()
    {
        var name = "err-" + Guid.NewGuid().ToString("N")[..20];
        await app.Factory.WithDbAsync(db =>
        {
            db.RollupStates.Add(new RollupState { Name = name, BuiltAt = DateTimeOffset.UtcNow });
            return db.SaveChangesAsync();
        });
        var now = DateTimeOffset.UtcNow;
        var (error, _) = await FailureOfAsync(db =>
            db.Database.ExecuteSqlAsync(
                $"INSERT INTO \"RollupStates\" (\"Name\", \"Version\", \"BuiltAt\", \"Rows\") VALUES ({name}, 0, {now}, 0)"
            )
        );
        Assert.IsAssignableFrom<System.Data.Common.DbException>(error);
        var errors = await app.Factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDatabaseErrors>()));
        Assert.True(errors.IsUniqueViolation(error));
        Assert.True(errors.IsUniqueViolation(new InvalidOperationException("run failed", new AggregateException(error))));
    }

    [Fact]
    public async Task A_row_pointing_at_a_missing_parent_is_not_a_unique_violation()
    {
        var (error, unique) = await FailureOfAsync(db =>
        {
            db.FeedLikes.Add(
                new FeedLike
                {
                    PostId = Guid.NewGuid(),
                    UserId = app.World.UserIds["resident1"],
                    CreatedAt = DateTimeOffset.UtcNow,
                }
            );
            return db.SaveChangesAsync();
        });
        Assert.IsType<DbUpdateException>(error);
        Assert.False(unique);
    }

    [Fact]
    public async Task Other_failures_are_not_unique_violations()
    {
        var (error, unique) = await FailureOfAsync(db => db.Database.ExecuteSqlRawAsync("SELECT * FROM \"NoSuchTable\""));
        Assert.IsAssignableFrom<System.Data.Common.DbException>(error);
        Assert.False(unique);

        var errors = await app.Factory.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<IDatabaseErrors>()));
        Assert.False(errors.IsUniqueViolation(null));
        Assert.False(errors.IsUniqueViolation(new DbUpdateException("no inner error")));
        Assert.False(errors.IsUniqueViolation(new TimeoutException()));
    }
}
