namespace Lianxin.Bench;

public sealed record DisputeOptions(
    int Disputes,
    int Baseline,
    int Residents,
    string DataDirectory,
    string? Postgres,
    int Iterations,
    int Warmup
)
{
    public static DisputeOptions Parse(ReadOnlySpan<string> args)
    {
        int disputes = 100_000,
            baseline = 1_000,
            residents = 2_000,
            iterations = 50,
            warmup = 5;
        string? data = null,
            pg = Environment.GetEnvironmentVariable("LIANXIN_BENCH_PG") is { Length: > 0 } env ? env : null;
        foreach (var (name, value) in BenchArgs.Pairs(args))
        {
            switch (name)
            {
                case "--disputes":
                    disputes = BenchArgs.Number(name, value, 1, 2_000_000);
                    break;
                case "--baseline":
                    baseline = BenchArgs.Number(name, value, 1, 2_000_000);
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
                    iterations = BenchArgs.Number(name, value, Rounds, 100_000);
                    break;
                case "--warmup":
                    warmup = BenchArgs.Number(name, value, 0, 10_000);
                    break;
                default:
                    throw BenchArgs.Unknown(name);
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new DisputeOptions(disputes, baseline, residents, lookup.DataDirectory, pg, iterations, warmup);
    }

    private const int Rounds = 5;
}
