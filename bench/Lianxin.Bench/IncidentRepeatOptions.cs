namespace Lianxin.Bench;

public sealed record IncidentRepeatOptions(int Incidents, string DataDirectory, string? Postgres, int Iterations, int Warmup)
{
    public static IncidentRepeatOptions Parse(ReadOnlySpan<string> args)
    {
        int incidents = 5_000_000,
            iterations = 2000,
            warmup = 200;
        string? data = null,
            pg = Environment.GetEnvironmentVariable("LIANXIN_BENCH_PG") is { Length: > 0 } env ? env : null;
        foreach (var (name, value) in BenchArgs.Pairs(args))
        {
            switch (name)
            {
                case "--incidents":
                    incidents = BenchArgs.Number(name, value, 1000, 50_000_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--iterations":
                    iterations = BenchArgs.Number(name, value, 10, 1_000_000);
                    break;
                case "--warmup":
                    warmup = BenchArgs.Number(name, value, 0, 100_000);
                    break;
                default:
                    throw BenchArgs.Unknown(name);
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new IncidentRepeatOptions(incidents, lookup.DataDirectory, pg, iterations, warmup);
    }
}
