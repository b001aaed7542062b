namespace Lianxin.Core.Volunteers.Honours;

public sealed record AttendanceInput(List<AttendanceItem>? Items);
