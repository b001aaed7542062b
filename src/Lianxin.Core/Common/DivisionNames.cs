namespace Lianxin.Core.Common;

/// <summary>
/// Names of the administrative divisions of China by their GB/T 2260 code, from the national list shipped with
/// the application (see <c>Common/Divisions/README.md</c>).
/// </summary>
public static class DivisionNames
{
    private const string Unknown = "未知地区";

    /// <summary>
    /// The province, city and county of a six-digit region code (the first six digits of an ID number), e.g.
    /// "浙江省 杭州市 西湖区" for 330106. A code the list does not hold (a retired one, which old cards keep, or a
    /// mistyped one) is never refused: it is shown as "未知地区 330199", after the province and city when those are
    /// known ("浙江省 杭州市 未知地区 330199").
    /// </summary>
    public static string Of(string? regionCode)
    {
        var code = regionCode?.Trim() ?? string.Empty;
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return $"{Unknown} {code}".TrimEnd();
        }

        var index = DivisionIndex.Instance;
        var value = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture);
        var province = index.NameOf(value / 10_000, 2);
        var city = index.NameOf(value / 100, 4);
        var county = index.NameOf(value, 6);

        // A province (330000) or city (330100) code names just that; the cards of a few cities without counties
        // (东莞 441900) carry a county code of the same name as the city.
        var parts = new List<string>(4);
        if (province is not null)
        {
            parts.Add(province);
        }

        if (city is not null && value % 10_000 != 0)
        {
            parts.Add(city);
        }

        if (county is not null && county != city)
        {
            parts.Add(county);
        }

        var isKnown = county is not null || (province is not null && value % 10_000 == 0) || (city is not null && value % 100 == 0);
        if (!isKnown)
        {
            parts.Add($"{Unknown} {code}");
        }

        return string.Join(' ', parts);
    }
}
