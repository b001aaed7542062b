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

public static class SignupActions
{
    public static string Label(this SignupAction action) => action switch
    {
        SignupAction.Approve => "通过",
        SignupAction.Decline => "不予通过",
        SignupAction.Cancel => "取消报名",
        SignupAction.MoveUp => "候补转正",
        SignupAction.CheckIn => "签到",
        SignupAction.CheckOut => "签退",
        SignupAction.Credit => "记入时长",
        SignupAction.SignUpAgain => "重新报名",
        _ => action.ToString(),
    };
}
