namespace Lianxin.Core.Volunteers;

/// <summary>Squad type codes the rules know by name.</summary>
public static class SquadTypes
{
    public const string JointDefence = "joint-defence";
    public const string HouseholdPatrol = "household-patrol";
}
