namespace Lianxin.Core.Organization;

public static class MemberKinds
{
    public static string Label(this MemberKind kind) =>
        kind switch
        {
            MemberKind.Officer => "社区民警",
            MemberKind.Auxiliary => "辅警",
            MemberKind.SecurityDirector => "治保主任",
            MemberKind.SecurityCommitteeMember => "治保会成员",
            MemberKind.HouseholdHead => "百户长",
            MemberKind.GridWorker => "网格员",
            MemberKind.PoliceAssistant => "警务助理",
            MemberKind.Volunteer => "义警",
            MemberKind.Mediator => "调解员",
            MemberKind.Partner => "协作力量",
            MemberKind.Leader => "所领导",
            _ => kind.ToString(),
        };
}
