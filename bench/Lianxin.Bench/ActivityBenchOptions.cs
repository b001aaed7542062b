using System.Globalization;

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
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{name} needs a value");
            var value = args[++i];
            switch (name)
            {
                case "--volunteers":
                    volunteers = Number(name, value, 100, 1_000_000);
                    break;
                case "--per-month":
                    perMonth = Number(name, value, 10, 100_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--iterations":
                    iterations = Number(name, value, 5, 100_000);
                    break;
                case "--warmup":
                    warmup = Number(name, value, 0, 10_000);
                    break;
                default:
                    throw new ArgumentException($"unknown option {name}");
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new ActivityBenchOptions(volunteers, perMonth, lookup.DataDirectory, pg, iterations, warmup);
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        && n >= min
        && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}");
}
