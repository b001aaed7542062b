namespace Lianxin.Core.Volunteers;

public enum CreditSource
{
    Activity = 1,
    Tip = 2,
    Training = 3,
    Adjustment = 4,
}
