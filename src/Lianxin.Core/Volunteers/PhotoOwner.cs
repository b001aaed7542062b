namespace Lianxin.Core.Volunteers;

public enum PhotoOwner
{
    FeedPost = 1,
    Tip = 2,
    Activity = 3,
}
