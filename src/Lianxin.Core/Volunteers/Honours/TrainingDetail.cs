namespace Lianxin.Core.Volunteers.Honours;

public sealed record TrainingDetail(TrainingRow Summary, IReadOnlyList<AttendanceView> Attendance);
