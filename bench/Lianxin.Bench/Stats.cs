namespace Lianxin.Bench;

/// <summary>Summary of one query's timings. The median is the figure to compare: a shared machine
/// adds occasional long stalls that move the mean and the tail but rarely the middle.</summary>
internal readonly record struct Stats(int Count, double Median, double P95, double Mean)
{
    public static Stats Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
            return new Stats(0, double.NaN, double.NaN, double.NaN);
        var sorted = samples.Order().ToArray();
        return new Stats(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average());
    }

    /// <summary>Linear interpolation between the two nearest ranks.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
