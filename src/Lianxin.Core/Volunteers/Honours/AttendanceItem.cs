namespace Lianxin.Core.Volunteers.Honours;

/// <summary>One line of a bulk attendance record: attended (出席) and passed (考核合格, which needs attendance).</summary>
public sealed record AttendanceItem(Guid? VolunteerId, bool? Attended, bool? Passed);
