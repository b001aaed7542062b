namespace Lianxin.Core.Volunteers.Activities;

/// <summary>The things that can be done with an activity; which of them its state allows is in
/// <see cref="ActivityTransitions"/>.</summary>
public enum ActivityAction
{
    Edit = 1,
    Publish,
    Cancel,
    Finish,
    HandleSignups,
    SignUp,
    CheckInOut,
    WriteReport,
}
