using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lianxin.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LianxinDbContext>
{
    public LianxinDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<LianxinDbContext>()
                .UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name))
                .Options
        );
}
