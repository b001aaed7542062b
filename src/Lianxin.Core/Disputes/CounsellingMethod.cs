namespace Lianxin.Core.Disputes;

public enum CounsellingMethod
{
    InPerson = 1,  // 面谈
    Phone = 2,     // 电话
    HomeVisit = 3, // 上门
    Video = 4,     // 视频
}

public static class CounsellingMethods
{
    public static string Label(this CounsellingMethod method) => method switch
    {
        CounsellingMethod.InPerson => "面谈",
        CounsellingMethod.Phone => "电话",
        CounsellingMethod.HomeVisit => "上门",
        CounsellingMethod.Video => "视频",
        _ => method.ToString(),
    };
}
