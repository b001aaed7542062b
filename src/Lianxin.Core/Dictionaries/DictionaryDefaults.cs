namespace Lianxin.Core.Dictionaries;

/// <summary>The lists a station starts with, taken from how the stations describe their work.</summary>
public static class DictionaryDefaults
{
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["dispute-category"] = "矛盾纠纷类别",
        ["dispute-source"] = "纠纷来源",
        ["incident-category"] = "警情类别",
        ["key-person-kind"] = "重点人员类别",
        ["place-kind"] = "重点场所类别",
        ["hazard-kind"] = "隐患类别",
        ["service-item"] = "便民服务事项",
        ["skill"] = "特长",
        ["partner-force"] = "协作力量",
        ["resident-tag"] = "群众标签",
        ["tip-category"] = "线索类别",
    };

    public static readonly IReadOnlyList<(string Category, string Code, string Name)> Items =
    [
        ("dispute-category", "neighbour", "邻里纠纷"), ("dispute-category", "family", "婚姻家庭纠纷"),
        ("dispute-category", "land", "土地承包纠纷"), ("dispute-category", "homestead", "宅基地纠纷"),
        ("dispute-category", "compensation", "征地拆迁补偿纠纷"), ("dispute-category", "labour", "劳资纠纷"),
        ("dispute-category", "debt", "债务纠纷"), ("dispute-category", "property", "物业纠纷"),
        ("dispute-category", "traffic", "交通事故纠纷"), ("dispute-category", "consumer", "消费纠纷"),
        ("dispute-category", "construction", "工程施工纠纷"), ("dispute-category", "other", "其他纠纷"),
        ("dispute-source", "110", "110 警情"), ("dispute-source", "walk-in", "来所来访"),
        ("dispute-source", "screening", "走访排查"), ("dispute-source", "household-head", "百户长报告"),
        ("dispute-source", "grid-worker", "网格员报告"), ("dispute-source", "security-committee", "治保会报告"),
        ("dispute-source", "petition", "信访"), ("dispute-source", "site-check", "工地检查"),
        ("dispute-source", "referral", "外部移交"),
        ("incident-category", "criminal", "刑事警情"), ("incident-category", "public-order", "治安警情"),
        ("incident-category", "dispute", "纠纷警情"), ("incident-category", "traffic", "交通警情"),
        ("incident-category", "fraud", "电信网络诈骗"), ("incident-category", "help", "求助警情"),
        ("incident-category", "fire", "火灾事故"), ("incident-category", "missing", "人员走失"),
        ("incident-category", "gambling", "赌博"), ("incident-category", "mining", "非法采矿"),
        ("incident-category", "other", "其他警情"),
        ("key-person-kind", "mental-illness", "严重精神障碍患者"), ("key-person-kind", "released", "刑满释放人员"),
        ("key-person-kind", "elderly-alone", "独居老人"), ("key-person-kind", "juvenile", "有不良行为未成年人"),
        ("key-person-kind", "drug", "吸毒人员"), ("key-person-kind", "petitioner", "重点信访人员"),
        ("place-kind", "hotel", "旅馆"), ("place-kind", "logistics", "快递物流"), ("place-kind", "restaurant", "餐饮（烧烤）"),
        ("place-kind", "school", "学校"), ("place-kind", "property", "物业公司"), ("place-kind", "port", "港口码头"),
        ("hazard-kind", "dilapidated-house", "危房"), ("hazard-kind", "slope", "危险边坡"),
        ("hazard-kind", "ebike-elevator", "电动车进电梯"), ("hazard-kind", "fire", "消防隐患"),
        ("hazard-kind", "traffic", "交通隐患"),
        ("service-item", "hukou-proxy", "户口代办"), ("service-item", "id-card", "身份证办理"),
        ("service-item", "no-crime-certificate", "无犯罪记录证明"), ("service-item", "residence-permit", "居住证"),
        ("service-item", "traffic", "交管业务"), ("service-item", "home-visit", "上门服务"),
        ("skill", "mediation", "调解"), ("skill", "law", "法律"), ("skill", "rescue", "应急救援"),
        ("skill", "first-aid", "急救"), ("skill", "patrol", "巡逻"), ("skill", "psychology", "心理疏导"),
        ("skill", "driving", "驾驶"), ("skill", "drone", "无人机"), ("skill", "swimming", "游泳"),
        ("skill", "publicity", "宣传"),
        ("partner-force", "party", "党建引领"), ("partner-force", "cadre", "镇村干部"), ("partner-force", "court", "法院"),
        ("partner-force", "lawyer", "律师"), ("partner-force", "property", "物业"), ("partner-force", "activist", "热心群众"),
        ("partner-force", "judicial", "司法所"), ("partner-force", "law-enforcement", "综合执法"),
        ("partner-force", "elders", "五老乡贤"),
        ("resident-tag", "elderly-alone", "独居老人"), ("resident-tag", "left-behind-child", "留守儿童"),
        ("resident-tag", "disabled", "残疾人"), ("resident-tag", "low-income", "低保户"),
        ("resident-tag", "migrant", "流动人口"),
        ("tip-category", "public-order", "治安"), ("tip-category", "fraud", "诈骗"), ("tip-category", "drugs", "毒品"),
        ("tip-category", "gambling", "赌博"), ("tip-category", "hazard", "安全隐患"), ("tip-category", "dispute", "矛盾纠纷"),
        ("tip-category", "other", "其他"),
    ];

    /// <summary>Second and third levels of the incident categories (类型 / 细类), as 110 systems keep them;
    /// each names its parent's code. A station adds its own 110 system's codes beside these.</summary>
    public static readonly IReadOnlyList<(string Category, string Code, string Name, string ParentCode)> ChildItems =
    [
        ("incident-category", "criminal.theft", "盗窃", "criminal"),
        ("incident-category", "criminal.theft.ebike", "盗窃电动车", "criminal.theft"),
        ("incident-category", "criminal.theft.home", "入室盗窃", "criminal.theft"),
        ("incident-category", "criminal.assault", "故意伤害", "criminal"),
        ("incident-category", "public-order.fight", "殴打他人", "public-order"),
        ("incident-category", "public-order.fight.drunk", "酒后滋事", "public-order.fight"),
        ("incident-category", "public-order.noise", "噪音扰民", "public-order"),
        ("incident-category", "dispute.neighbour", "邻里纠纷", "dispute"),
        ("incident-category", "dispute.neighbour.boundary", "地界院墙", "dispute.neighbour"),
        ("incident-category", "dispute.neighbour.livestock", "家禽家畜损害", "dispute.neighbour"),
        ("incident-category", "dispute.family", "家庭纠纷", "dispute"),
        ("incident-category", "dispute.family.domestic", "家庭暴力", "dispute.family"),
        ("incident-category", "dispute.labour", "劳资纠纷", "dispute"),
        ("incident-category", "dispute.labour.wages", "讨要工资", "dispute.labour"),
        ("incident-category", "traffic.accident", "交通事故", "traffic"),
        ("incident-category", "traffic.accident.minor", "轻微事故", "traffic.accident"),
        ("incident-category", "fraud.online", "网络诈骗", "fraud"),
        ("incident-category", "fraud.online.order", "刷单返利", "fraud.online"),
        ("incident-category", "fraud.online.impersonation", "冒充公检法", "fraud.online"),
        ("incident-category", "help.person", "求助寻人", "help"),
        ("incident-category", "help.person.elderly", "老人走失", "help.person"),
        ("incident-category", "gambling.gathering", "聚众赌博", "gambling"),
        ("incident-category", "mining.illegal", "非法采砂采矿", "mining"),
    ];
}
