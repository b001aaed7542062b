namespace Lianxin.Core.Volunteers.Feed;

/// <summary>An opinion's handling in one table. Until it is closed it may be (re)assigned, answered (again) and
/// closed; closing needs an answer, which is a check of the input, not of the state. A closed opinion is done.</summary>
public static class OpinionTransitions
{
    private static readonly OpinionAction[] Handling = [OpinionAction.Assign, OpinionAction.Answer, OpinionAction.Close];

    public static IReadOnlyList<OpinionAction> Allowed(OpinionState state) =>
        state switch
        {
            OpinionState.Open or OpinionState.Assigned or OpinionState.Answered => Handling,
            _ => [],
        };

    public static bool IsAllowed(OpinionState state, OpinionAction action) => Allowed(state).Contains(action);

    /// <summary>"该社情民意当前为“已办结”，不能答复。当前可以：无。" — what a refused handler reads.</summary>
    public static string RefusalMessage(OpinionState state, OpinionAction action)
    {
        var allowed = Allowed(state);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"该社情民意当前为“{state.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
