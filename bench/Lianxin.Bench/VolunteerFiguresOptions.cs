using System.Globalization;

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
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{name} needs a value");
            var value = args[++i];
            switch (name)
            {
                case "--volunteers":
                    volunteers = Number(name, value, 100, 200_000);
                    break;
                case "--baseline":
                    baseline = Number(name, value, 100, 200_000);
                    break;
                case "--iterations":
                    iterations = Number(name, value, 1, 1_000);
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                default:
                    throw new ArgumentException($"unknown option {name}");
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new VolunteerFiguresOptions(volunteers, baseline, lookup.DataDirectory, pg, iterations);
    }

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        && n >= min
        && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}");
}
