namespace Lianxin.Core.Volunteers;

/// <summary>Dictionary categories of the volunteer part.</summary>
public static class VolunteerDictionaries
{
    public const string Skill = "volunteer-skill";
    public const string SquadType = "squad-type";
    public const string AssistantKind = "assistant-kind";
}
