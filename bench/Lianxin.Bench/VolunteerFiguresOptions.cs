namespace Lianxin.Bench;

public sealed record VolunteerFiguresOptions(int Volunteers, int Baseline, string DataDirectory, string? Postgres, int Iterations)
{
    public static VolunteerFiguresOptions Parse(ReadOnlySpan<string> args)
    {
        int volunteers = 10_000,
            baseline = 1_000,
            iterations = 10;
        string? data = null,
            pg = Environment.GetEnvironmentVariable("LIANXIN_BENCH_PG") is { Length: > 0 } env ? env : null;
        foreach (var (name, value) in BenchArgs.Pairs(args))
        {
            switch (name)
            {
                case "--volunteers":
                    volunteers = BenchArgs.Number(name, value, 100, 200_000);
                    break;
                case "--baseline":
                    baseline = BenchArgs.Number(name, value, 100, 200_000);
                    break;
                case "--iterations":
                    iterations = BenchArgs.Number(name, value, 1, 1_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                default:
                    throw BenchArgs.Unknown(name);
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new VolunteerFiguresOptions(volunteers, baseline, lookup.DataDirectory, pg, iterations);
    }
}
