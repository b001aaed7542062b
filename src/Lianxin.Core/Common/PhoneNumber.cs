namespace Lianxin.Core.Common;

public static class PhoneNumber
{
    public static PhoneNumberResult Parse(string? input)
    {
        var s = new string((input ?? "").Where(char.IsAsciiDigit).ToArray());
        if (s.Length == 11 && s[0] == '1') return new PhoneNumberResult { IsValid = true, Normalized = s };
        return new PhoneNumberResult { Error = "电话号码格式不正确" };
    }

    public static string Mask(string normalized) => normalized.Length == 11 ? normalized[..3] + "****" + normalized[^4..] : "****";
}
