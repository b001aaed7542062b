using System.Diagnostics;
using System.Net.Http.Json;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Cluster.Running;

/// <summary>The cluster <c>deploy/cluster.sh</c> started (nginx, two app nodes, PostgreSQL, Redis), found through its
/// cluster.env, with the test world written into its database by an in-process node on the same keys. Tests reach
/// the real nodes over HTTP and drive faults through the script (kill -9 of a node, Redis or PostgreSQL stopped).</summary>
public sealed class RunningCluster : IAsyncLifetime
{
    public Dictionary<string, string> Env { get; } = [];
    public Uri Proxy => new(Env["LIANXIN_CLUSTER_URL"] + "/");
    public int Nodes => int.Parse(Env["LIANXIN_CLUSTER_NODES"], System.Globalization.CultureInfo.InvariantCulture);
    public LianxinFactory Seeder { get; private set; } = default!;
    public TestWorld World { get; private set; } = default!;

    public Uri Node(int n) => new(Env[$"LIANXIN_CLUSTER_NODE{n}_URL"] + "/");

    /// <summary>Node <paramref name="n"/>'s log (its standard output and error, as the script keeps them).</summary>
    public string NodeLog(int n) => Path.Combine(Path.GetDirectoryName(ClusterFactAttribute.EnvFile)!, $"node{n}", "out.log");

    /// <summary>A file another process is still writing, read whole.</summary>
    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public async Task InitializeAsync()
    {
        if (ClusterFactAttribute.EnvFile is not { } file)
            return;
        foreach (var line in await File.ReadAllLinesAsync(file))
            if (line.IndexOf('=', StringComparison.Ordinal) is var i and > 0)
                Env[line[..i]] = line[(i + 1)..].Trim('\'');
        Seeder = new LianxinFactory(
            TestDatabase.Attach(DbKind.Postgres, Env["LIANXIN_CLUSTER_DB"]),
            new Dictionary<string, string?>
            {
                ["PersonalData:EncryptionKey"] = Env["PersonalData__EncryptionKey"],
                ["PersonalData:BlindIndexKey"] = Env["PersonalData__BlindIndexKey"],
                // Its own scheduler name: the seeding node takes none of the cluster's jobs.
                ["Scheduler:Name"] = "lianxin-test-seeder",
            }
        );
        _ = Seeder.Server;
        World = await TestWorld.CreateAsync(Seeder);
    }

    /// <summary>Runs <c>deploy/cluster.sh</c> with <paramref name="args"/> on this cluster and waits for it.</summary>
    public async Task ScriptAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Env["LIANXIN_CLUSTER_SCRIPT"]);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["LIANXIN_CLUSTER_DIR"] = Path.GetDirectoryName(ClusterFactAttribute.EnvFile)!;
        info.Environment["LIANXIN_CLUSTER_PORT"] = Proxy.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["LIANXIN_CLUSTER_NODES"] = Env["LIANXIN_CLUSTER_NODES"];
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, $"cluster.sh {string.Join(' ', args)} failed: {await output}{await errors}");
    }

    /// <summary>A plain client of one address (a node, or nginx), without cookies.</summary>
    public static HttpClient Client(Uri at) => new() { BaseAddress = at, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A bearer token for a test-world account, asked of <paramref name="at"/>.</summary>
    public static async Task<string> TokenAsync(Uri at, string user)
    {
        using var client = Client(at);
        var response = await client.PostAsJsonAsync("api/v1/auth/token", new { userName = user, password = TestWorld.Password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TestWorld.TokenResponse>())!.AccessToken;
    }

    public static async Task<HttpClient> BearerAsync(Uri at, string user)
    {
        var client = Client(at);
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(at, user));
        return client;
    }

    public async Task DisposeAsync()
    {
        if (Seeder is not null)
            await Seeder.DisposeAsync();
    }
}
