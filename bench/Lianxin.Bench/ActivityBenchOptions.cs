namespace Lianxin.Bench;

public sealed record ActivityBenchOptions(int Volunteers, int PerMonth, string DataDirectory, string? Postgres, int Iterations, int Warmup)
{
    public static ActivityBenchOptions Parse(ReadOnlySpan<string> args)
    {
        int volunteers = 10_000,
            perMonth = 1_000,
            iterations = 200,
            warmup = 20;
        string? data = null,
            pg = Environment.GetEnvironmentVariable("LIANXIN_BENCH_PG") is { Length: > 0 } env ? env : null;
        foreach (var (name, value) in BenchArgs.Pairs(args))
        {
            switch (name)
            {
                case "--volunteers":
                    volunteers = BenchArgs.Number(name, value, 100, 1_000_000);
                    break;
                case "--per-month":
                    perMonth = BenchArgs.Number(name, value, 10, 100_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--iterations":
                    iterations = BenchArgs.Number(name, value, 5, 100_000);
                    break;
                case "--warmup":
                    warmup = BenchArgs.Number(name, value, 0, 10_000);
                    break;
                default:
                    throw BenchArgs.Unknown(name);
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new ActivityBenchOptions(volunteers, perMonth, lookup.DataDirectory, pg, iterations, warmup);
    }
}
