namespace Lianxin.Bench;

public sealed record IncidentStatsOptions(
    int Incidents,
    int Residents,
    string DataDirectory,
    string? Postgres,
    int Iterations,
    int DirectIterations
)
{
    public static IncidentStatsOptions Parse(ReadOnlySpan<string> args)
    {
        int incidents = 5_000_000,
            residents = 2_000,
            iterations = 20,
            direct = 3;
        string? data = null,
            pg = Environment.GetEnvironmentVariable("LIANXIN_BENCH_PG") is { Length: > 0 } env ? env : null;
        foreach (var (name, value) in BenchArgs.Pairs(args))
        {
            switch (name)
            {
                case "--incidents":
                    incidents = BenchArgs.Number(name, value, 1_000, 20_000_000);
                    break;
                case "--residents":
                    residents = BenchArgs.Number(name, value, 0, 2_000_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--iterations":
                    iterations = BenchArgs.Number(name, value, 1, 10_000);
                    break;
                case "--direct-iterations":
                    direct = BenchArgs.Number(name, value, 1, 100);
                    break;
                default:
                    throw BenchArgs.Unknown(name);
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new IncidentStatsOptions(incidents, residents, lookup.DataDirectory, pg, iterations, direct);
    }
}
