namespace Lianxin.Core.Volunteers;

public sealed record SquadDetail(SquadRow Summary, string? Description, IReadOnlyList<SquadMemberView> Members);
