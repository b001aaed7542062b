namespace Lianxin.Core.Organization;

/// <summary>Everyone who works or helps at a station, staff and residents alike.</summary>
public enum MemberKind
{
    Officer = 1, // 社区民警 / 驻村民警
    Auxiliary = 2, // 辅警
    SecurityDirector = 3, // 治保主任
    SecurityCommitteeMember = 4, // 治保会成员
    HouseholdHead = 5, // 百户长
    GridWorker = 6, // 网格员
    PoliceAssistant = 7, // 警务助理
    Volunteer = 8, // 义警
    Mediator = 9, // 调解员
    Partner = 10, // "1+8+N" 力量代表
    Leader = 11, // 所长 / 教导员
}
