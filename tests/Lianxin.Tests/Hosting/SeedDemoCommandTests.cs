using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Lianxin.Tests.Support;
using Lianxin.Web.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Hosting;

/// <summary>`seed demo` fills an empty database, refuses a filled one, and with `--reset` starts again, but only on a
/// database the demo command filled.</summary>
public sealed class SeedDemoCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lianxin-seed-{Guid.NewGuid():N}.db");

    private string[] Args(params string[] words) =>
        [
            .. words,
            "--Database:Provider=Sqlite",
            $"--ConnectionStrings:Lianxin=Data Source={_file}",
            $"--PersonalData:EncryptionKey={LianxinFactory.TestEncryptionKey}",
            $"--PersonalData:BlindIndexKey={LianxinFactory.TestIndexKey}",
            "--residents=300",
            "--disputes=40",
            "--incidents=300",
        ];

    private LianxinDbContext Open()
    {
        var options = new DbContextOptionsBuilder<LianxinDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={_file}");
        return new LianxinDbContext(options.Options);
    }

    [Fact]
    public async Task Seeds_an_empty_database_refuses_a_second_time_and_starts_again_with_reset()
    {
        Assert.Equal(0, await Commands.RunAsync(Args("seed", "demo")));
        Guid firstBureau;
        await using (var db = Open())
        {
            firstBureau = (await db.OrgUnits.SingleAsync(u => u.Kind == OrgUnitKind.Bureau)).Id;
            Assert.True(await db.Users.AnyAsync(u => u.UserName == "officer"));
        }

        // Seeding again without --reset changes nothing.
        Assert.Equal(1, await Commands.RunAsync(Args("seed", "demo")));
        await using (var db = Open())
            Assert.Equal(1, await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Bureau));

        Assert.Equal(0, await Commands.RunAsync(Args("seed", "demo", "--reset")));
        await using (var db = Open())
        {
            Assert.Equal(1, await db.OrgUnits.CountAsync(u => u.Kind == OrgUnitKind.Bureau));
            Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == "officer"));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "DemoCounty"));
        }
    }

    [Fact]
    public async Task Reset_refuses_a_database_the_demo_command_did_not_fill()
    {
        Assert.Equal(0, await Commands.RunAsync(Args("migrate")));
        var unit = OrgUnit.Create("X1", "某县公安局", OrgUnitKind.Bureau, null);
        await using (var db = Open())
        {
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, await Commands.RunAsync(Args("seed", "demo", "--reset")));

        await using (var db = Open())
            Assert.True(await db.OrgUnits.AnyAsync(u => u.Id == unit.Id));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(f);
    }
}
