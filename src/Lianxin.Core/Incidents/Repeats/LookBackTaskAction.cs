namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The things that can happen to a look-back task; which of them a state allows is in
/// <see cref="LookBackTaskTransitions"/>.</summary>
public enum LookBackTaskAction
{
    Assign = 1,
    RecordResult,
    Remind,
}
