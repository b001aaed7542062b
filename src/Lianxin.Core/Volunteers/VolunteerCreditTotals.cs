namespace Lianxin.Core.Volunteers;

public sealed record VolunteerCreditTotals(int Minutes, int Points)
{
    public double Hours => Math.Round(Minutes / 60.0, 1);
}
