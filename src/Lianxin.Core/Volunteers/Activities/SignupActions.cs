namespace Lianxin.Core.Volunteers.Activities;

public static class SignupActions
{
    public static string Label(this SignupAction action) =>
        action switch
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
