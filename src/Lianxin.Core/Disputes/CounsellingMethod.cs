namespace Lianxin.Core.Disputes;

public enum CounsellingMethod
{
    InPerson = 1, // 面谈
    Phone = 2, // 电话
    HomeVisit = 3, // 上门
    Video = 4, // 视频
}
