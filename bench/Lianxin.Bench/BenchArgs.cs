using System.Globalization;

namespace Lianxin.Bench;

/// <summary>The command line of every benchmark: <c>--name value</c> pairs, and whole numbers within bounds.</summary>
public static class BenchArgs
{
    public static List<(string Name, string Value)> Pairs(ReadOnlySpan<string> args)
    {
        var pairs = new List<(string, string)>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]} needs a value");
            pairs.Add((args[i], args[i + 1]));
        }
        return pairs;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>; digits may be grouped with '_'.</summary>
    public static int Number(string name, string value, int min, int max) =>
        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
        && n >= min
        && n <= max
            ? n
            : throw new ArgumentException($"{name} must be a whole number from {min} to {max}");

    public static ArgumentException Unknown(string name) => new($"unknown option {name}");
}
