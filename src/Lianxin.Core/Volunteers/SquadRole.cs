namespace Lianxin.Core.Volunteers;

public enum SquadRole
{
    Member = 1, // 队员
    DeputyLeader = 2, // 副队长
    Leader = 3, // 队长
}
