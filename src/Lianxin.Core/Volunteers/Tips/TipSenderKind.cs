namespace Lianxin.Core.Volunteers.Tips;

public enum TipSenderKind
{
    Volunteer = 1, // 义警
    Resident = 2, // 群众
}
