namespace Lianxin.Core.Disputes;

public static class DisputeJurisdictions
{
    public static string Label(this DisputeJurisdiction jurisdiction) =>
        jurisdiction switch
        {
            DisputeJurisdiction.PoliceSimple => "公安管辖·简单",
            DisputeJurisdiction.PoliceComplex => "公安管辖·复杂",
            DisputeJurisdiction.NotPolice => "非公安管辖",
            _ => jurisdiction.ToString(),
        };
}
