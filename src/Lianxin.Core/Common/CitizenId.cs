namespace Lianxin.Core.Common;

public static class CitizenId
{
    public static CitizenIdResult Parse(string? input, DateOnly? today = null)
    {
        var s = input?.Trim().ToUpperInvariant() ?? "";
        if (s.Length != 18) return new CitizenIdResult { Error = "身份证号应为 18 位" };
        var check = ComputeCheckChar(s.AsSpan(0, 17));
        if (check != s[17]) return new CitizenIdResult { Error = $"身份证号校验位错误：应为 {check}，实际为 {s[17]}" };
        var birth = DateOnly.ParseExact(s.Substring(6, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return new CitizenIdResult { IsValid = true, Normalized = s, BirthDate = birth, Gender = (s[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female };
    }

    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        int[] w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * w[i];
        return "10X98765432"[sum % 11];
    }

    public static string Mask(string normalized) => normalized[..6] + "********" + normalized[^4..];
}
