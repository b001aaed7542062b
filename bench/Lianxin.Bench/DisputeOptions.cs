using System.Globalization;

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
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{name} needs a value");
            var value = args[++i];
            switch (name)
            {
                case "--disputes":
                    disputes = Number(name, value, 1, 2_000_000);
                    break;
                case "--baseline":
                    baseline = Number(name, value, 1, 2_000_000);
                    break;
                case "--residents":
                    residents = Number(name, value, 0, 2_000_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--iterations":
                    iterations = Number(name, value, Rounds, 100_000);
                    break;
                case "--warmup":
                    warmup = Number(name, value, 0, 10_000);
                    break;
                default:
                    throw new ArgumentException($"unknown option {name}");
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new DisputeOptions(disputes, baseline, residents, lookup.DataDirectory, pg, iterations, warmup);
    }

    private const int Rounds = 5;

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        && n >= min
        && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}");
}
