namespace Lianxin.Core.Volunteers.Activities;

/// <summary>The things that can happen to a sign-up; which of them its state allows is in <see cref="SignupTransitions"/>.</summary>
public enum SignupAction
{
    Approve = 1,
    Decline,
    Cancel,
    MoveUp,
    CheckIn,
    CheckOut,
    Credit,
    SignUpAgain,
}
