namespace Lianxin.Core.Demo;

/// <summary>Deterministic ids shaped like version-7 Guids: the time part advances by one millisecond per
/// id from a fixed epoch, so "newest first" (ordering by id) follows the order the demo made them, and
/// the random part comes from a seeded generator, so every run gives the same ids.</summary>
internal sealed class DemoIds(int seed)
{
    private static readonly long EpochMs = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private readonly Random _random = new(unchecked((seed * 397) ^ 0x5EED));
    private long _tick;

    public Guid Next()
    {
        Span<byte> b = stackalloc byte[16];
        _random.NextBytes(b);
        var ms = EpochMs + _tick++;
        for (var i = 0; i < 6; i++)
            b[i] = (byte)(ms >> (8 * (5 - i)));
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }
}
