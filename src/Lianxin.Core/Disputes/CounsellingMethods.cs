namespace Lianxin.Core.Disputes;

public static class CounsellingMethods
{
    public static string Label(this CounsellingMethod method) =>
        method switch
        {
            CounsellingMethod.InPerson => "面谈",
            CounsellingMethod.Phone => "电话",
            CounsellingMethod.HomeVisit => "上门",
            CounsellingMethod.Video => "视频",
            _ => method.ToString(),
        };
}
