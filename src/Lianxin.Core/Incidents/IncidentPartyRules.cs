using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents;

/// <summary>The checks of a party's ID number and phone, the same for every way parties come in (by hand, the 110 API,
/// import files).</summary>
public static class IncidentPartyRules
{
    /// <summary>Longest text taken as an ID number or phone before it is checked.</summary>
    public const int MaxFieldLength = 40;

    /// <summary>Null when <paramref name="text"/> is a valid resident ID number (as 18 characters in
    /// <paramref name="normalized"/>), else what is wrong with it.</summary>
    public static string? IdNumberProblem(string text, out string? normalized)
    {
        normalized = null;
        if (text.Length > MaxFieldLength)
            return "身份证号过长";
        var id = CitizenId.Parse(text);
        if (!id.IsValid)
            return id.Error ?? "身份证号无效";
        if (id.Normalized is not { Length: 18 } number)
            return "身份证号须为 18 位";
        normalized = number;
        return null;
    }

    /// <summary>Null when <paramref name="text"/> is a valid phone number (normalised in <paramref name="normalized"/>),
    /// else what is wrong with it.</summary>
    public static string? PhoneProblem(string text, out string? normalized)
    {
        normalized = null;
        if (text.Length > MaxFieldLength)
            return "联系电话过长";
        var phone = PhoneNumber.Parse(text);
        if (!phone.IsValid)
            return phone.Error ?? "联系电话无效";
        normalized = phone.Normalized;
        return null;
    }
}
