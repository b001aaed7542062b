namespace Lianxin.Core.Volunteers.Feed;

public static class FeedLabels
{
    public static string Label(FeedPostKind k) =>
        k switch
        {
            FeedPostKind.ActivityReport => "活动报道",
            FeedPostKind.Opinion => "社情民意",
            FeedPostKind.Notice => "通知公告",
            FeedPostKind.VolunteerPost => "义警动态",
            _ => k.ToString(),
        };
}
