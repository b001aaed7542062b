namespace Lianxin.Core.Volunteers;

public sealed record VolunteerSquadView(Guid SquadId, string SquadName, string TypeCode, SquadRole Role, bool SquadActive);
