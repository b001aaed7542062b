using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lianxin.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL without a server or the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<LianxinDbContext>
{
    public LianxinDbContext CreateDbContext(string[] args) =>
        new(
            new DbContextOptionsBuilder<LianxinDbContext>()
                .UseNpgsql("Host=localhost;Database=lianxin_design", o =>
                    o.MigrationsAssembly(typeof(DesignTimeFactory).Assembly.GetName().Name)
                )
                .Options
        );
}
