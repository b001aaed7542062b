namespace Lianxin.Bench;

public sealed record LookupOptions(
    int Residents,
    string DataDirectory,
    string? Postgres,
    int Iterations,
    int Warmup,
    int ScanIterations,
    int Seed
)
{
    public static LookupOptions Parse(ReadOnlySpan<string> args)
    {
        int residents = 1_000_000,
            iterations = 3000,
            warmup = 300,
            scanIterations = 100,
            seed = 7;
        string? data = null,
            pg = null;
        foreach (var (name, value) in BenchArgs.Pairs(args))
        {
            switch (name)
            {
                case "--residents":
                    residents = BenchArgs.Number(name, value, 1, 2_000_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--iterations":
                    iterations = BenchArgs.Number(name, value, 1, 1_000_000);
                    break;
                case "--warmup":
                    warmup = BenchArgs.Number(name, value, 0, 1_000_000);
                    break;
                case "--scan-iterations":
                    scanIterations = BenchArgs.Number(name, value, 0, 100_000);
                    break;
                case "--seed":
                    seed = BenchArgs.Number(name, value, int.MinValue, int.MaxValue);
                    break;
                default:
                    throw BenchArgs.Unknown(name);
            }
        }
        return new LookupOptions(residents, Path.GetFullPath(data ?? DefaultDataDirectory()), pg, iterations, warmup, scanIterations, seed);
    }

    /// <summary>bench/.data under the repository when run from inside it, so `dotnet run --project`
    /// from any folder of the checkout finds the same prepared database.</summary>
    private static string DefaultDataDirectory()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lianxin.slnx")))
                return Path.Combine(dir.FullName, "bench", ".data");
        }
        return Path.Combine("bench", ".data");
    }
}
