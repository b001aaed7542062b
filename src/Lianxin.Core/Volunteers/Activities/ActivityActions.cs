namespace Lianxin.Core.Volunteers.Activities;

public static class ActivityActions
{
    public static string Label(this ActivityAction action) =>
        action switch
        {
            ActivityAction.Edit => "修改",
            ActivityAction.Publish => "发布",
            ActivityAction.Cancel => "取消活动",
            ActivityAction.Finish => "结束并记入时长",
            ActivityAction.HandleSignups => "审核报名",
            ActivityAction.SignUp => "报名或取消报名",
            ActivityAction.CheckInOut => "签到签退",
            ActivityAction.WriteReport => "写活动报道",
            _ => action.ToString(),
        };
}
