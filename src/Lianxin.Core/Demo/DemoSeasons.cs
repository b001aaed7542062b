namespace Lianxin.Core.Demo;

/// <summary>Names, places and words for the demo's activities and notices that fit the day they fall on: the demo is
/// built relative to the day it is seeded, so a title fixed in the code ("元宵庙会安保", "开学第一周护学岗") would
/// sit on a December date. Each method gives what a station would actually hold or write in that month.</summary>
public static class DemoSeasons
{
    /// <summary>An activity's words: its title, where people gather and what they do.</summary>
    public readonly record struct Words(string Title, string Place, string Description);

    /// <summary>Winter as a north-China station speaks of it: cold waves, coal stoves, the Spring Festival.</summary>
    public static bool IsWinter(DateOnly day) => day.Month is 11 or 12 or 1 or 2 or 3;

    /// <summary>The weeks around the Spring Festival (late December to February).</summary>
    public static bool IsSpringFestival(DateOnly day) => day.Month is 1 or 2 || (day.Month == 12 && day.Day >= 15);

    /// <summary>Primary schools' holidays: summer (July and August) and winter (mid-January to mid-February).</summary>
    public static bool IsSchoolHoliday(DateOnly day) =>
        day.Month is 7 or 8 || (day.Month == 1 && day.Day >= 15) || (day.Month == 2 && day.Day <= 15);

    /// <summary>The first days of a school term (early March and early September).</summary>
    public static bool IsTermStart(DateOnly day) => day.Month is 3 or 9 && day.Day <= 10;

    public static string NightPatrol(DateOnly day) =>
        day.Month switch
        {
            1 or 2 => "春节前夜间治安巡逻",
            12 => "岁末年初夜间治安巡逻",
            3 or 4 or 5 => "春季夜间治安巡逻",
            6 or 7 or 8 => "夏季夜市周边夜间巡逻",
            _ => "秋收时节夜间治安巡逻",
        };

    public static Words EventSecurity(DateOnly day) =>
        day.Month switch
        {
            1 or 2 => new("元宵庙会安保", "柏坡镇老街庙会现场", "庙会人流大，在入口、戏台和停车点值守，疏导人流，留意扒窃和走失儿童。"),
            3 or 4 => new("清明祭扫安保", "柏坡镇公墓入口", "清明祭扫人多车多，在公墓入口和上山路口值守，疏导车辆，劝阻野外用火。"),
            5 or 6 => new("端午集市安保", "柏坡镇老街集市", "端午集市人流大，在入口、摊位密集处和停车点值守，留意扒窃和走失儿童。"),
            7 or 8 => new("暑期夜市安保", "柏坡镇夜市", "夜市人多，烧烤摊周边易有酒后滋事，在夜市两头值守，发现纠纷及时报告民警。"),
            9 or 10 => new("国庆文艺汇演安保", "柏坡镇文化广场", "汇演当晚人流集中，在入口和舞台周边值守，疏导散场人流，留意走失儿童。"),
            _ => new("年货大集安保", "柏坡镇老街集市", "年货大集人流大，在入口、摊位密集处和停车点值守，疏导人流，留意扒窃和走失儿童。"),
        };

    public static Words SchoolGuard(DateOnly day)
    {
        if (IsSchoolHoliday(day))
            return new("假期校园周边巡查", "柏坡中心小学校门口", "假期学校无人，巡查校园周边、网吧和水塘，劝导在外玩耍的学生注意安全。");
        return IsTermStart(day)
            ? new("开学第一周护学岗", "柏坡中心小学校门口", "开学第一周上学高峰护学，协助交警疏导接送车辆。")
            : new("上学高峰护学岗", "柏坡中心小学校门口", "早高峰在校门口两侧维持秩序，护送学生过马路，劝离乱停车辆。");
    }

    /// <summary>A safety talk that suits the season: drowning in summer, fires and coal-stove fumes in winter,
    /// forest fires in spring and autumn.</summary>
    public static Words SafetyTalk(DateOnly day) =>
        day.Month switch
        {
            5 or 6 or 7 or 8 => new("防溺水安全宣传", "西沟水库大坝", "暑期在水库周边设点宣传，检查警示牌和救生圈。"),
            11 or 12 or 1 or 2 or 3 => new(
                "冬季防火和防煤气中毒宣传",
                "西沟村文化广场",
                "入冬后在村里设点宣传，提醒用煤炉取暖的人家开窗通风、安装报警器，检查柴草堆放。"
            ),
            _ => new("森林防火宣传", "后山林区入口", "在林区入口和上山路口宣传禁止野外用火，检查防火警示牌。"),
        };

    /// <summary>Why an outdoor activity was called off: the weather warning of the season.</summary>
    public static string WeatherCancellation(DateOnly day) =>
        IsWinter(day) ? "寒潮大风预警，本次巡逻取消，另行通知"
        : day.Month is 6 or 7 or 8 ? "雷暴大风预警，本次巡逻取消，另行通知"
        : "大风降雨预警，本次巡逻取消，另行通知";

    /// <summary>The station's notice about night patrols before the holidays of the season.</summary>
    public static (string Title, string Body) PatrolNotice(DateOnly day) =>
        IsSpringFestival(day)
            ? (
                "关于春节期间加强夜间巡逻的通知",
                "春节前后外出务工人员返乡、走亲访友多，请各中队按排班参加夜间巡逻，遇到可疑情况及时报告值班民警，不要单独处置。"
            )
            : (
                "关于节假日期间加强夜间巡逻的通知",
                "节假日前后走亲访友、外出游玩的人多，请各中队按排班参加夜间巡逻，遇到可疑情况及时报告值班民警，不要单独处置。"
            );

    /// <summary>The number of days from <paramref name="day"/> to the next Saturday (1 to 7).</summary>
    public static int DaysToSaturday(DateOnly day)
    {
        var n = ((int)DayOfWeek.Saturday - (int)day.DayOfWeek + 7) % 7;
        return n == 0 ? 7 : n;
    }

    /// <summary>Moves an offset forward to the first school day (Monday to Friday) at or after it.</summary>
    public static int ToWeekday(DateOnly today, int offset)
    {
        while (today.AddDays(offset).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            offset++;
        return offset;
    }
}
