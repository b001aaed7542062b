namespace Lianxin.Core.Access;

/// <summary>Named permissions. Roles hold them as claims; endpoints and pages require them by name.</summary>
public static class Permissions
{
    public const string PlacesRead = "places.read";
    public const string PlacesManage = "places.manage";
    public const string PeopleRead = "people.read";
    public const string PeopleManage = "people.manage";
    public const string PeopleReveal = "people.reveal";
    public const string PeopleExport = "people.export";
    public const string MembersRead = "members.read";
    public const string MembersManage = "members.manage";
    public const string DictionariesManage = "dictionaries.manage";
    public const string DisputesRead = "disputes.read";
    public const string DisputesRegister = "disputes.register";
    public const string DisputesMediate = "disputes.mediate";
    public const string DisputesExport = "disputes.export";
    public const string IncidentsRead = "incidents.read";
    public const string IncidentsRegister = "incidents.register";
    public const string IncidentsAnalyse = "incidents.analyse";
    public const string IncidentsExport = "incidents.export";
    public const string VolunteersRead = "volunteers.read";
    public const string VolunteersManage = "volunteers.manage";
    public const string VolunteersExport = "volunteers.export";
    public const string TipsHandle = "tips.handle";
    public const string FeedModerate = "feed.moderate";
    public const string UsersManage = "users.manage";
    public const string RolesManage = "roles.manage";
    public const string AuditRead = "audit.read";
    public const string AuditExport = "audit.export";
    public const string SystemOperate = "system.operate";

    public const string ClaimType = "perm";

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        [PlacesRead] = "查看辖区单位",
        [PlacesManage] = "维护辖区单位（新增、改名、移动、撤销）",
        [PeopleRead] = "查看群众信息（脱敏）",
        [PeopleManage] = "登记和修改群众信息",
        [PeopleReveal] = "查看完整身份证号和电话（留痕）",
        [PeopleExport] = "导出群众名单（留痕）",
        [MembersRead] = "查看工作人员和协作力量",
        [MembersManage] = "维护工作人员和协作力量",
        [DictionariesManage] = "维护字典",
        [DisputesRead] = "查看矛盾纠纷",
        [DisputesRegister] = "登记矛盾纠纷",
        [DisputesMediate] = "分流、调解、移交、回访、结案",
        [DisputesExport] = "导出纠纷台账（留痕）",
        [IncidentsRead] = "查看警情（报警人信息脱敏）",
        [IncidentsRegister] = "录入、导入和修改警情",
        [IncidentsAnalyse] = "警情研判：重复警情、重点关注、回头看、治安案件时限",
        [IncidentsExport] = "导出警情台账和统计（留痕）",
        [VolunteersRead] = "查看义警、中队、活动和线索（义警个人信息脱敏）",
        [VolunteersManage] = "义警审核、中队编组、发布和组织活动、培训和表彰",
        [VolunteersExport] = "导出义警名册和活动台账（留痕）",
        [TipsHandle] = "线索研判、核查、转办和反馈",
        [FeedModerate] = "义警圈审核，社情民意分派和答复",
        [UsersManage] = "管理用户账号（系统管理员）",
        [RolesManage] = "管理角色、权限和数据范围（安全管理员）",
        [AuditRead] = "查看审计日志（审计员）",
        [AuditExport] = "导出审计日志（审计员）",
        [SystemOperate] = "系统运维（健康检查、迁移）",
    };

    public static IEnumerable<string> All => Descriptions.Keys;

    /// <summary>Rights of the three separated duties; no other role may hold them.</summary>
    public static readonly IReadOnlySet<string> AdministrativeOnly = new HashSet<string>
    {
        UsersManage,
        RolesManage,
        AuditRead,
        AuditExport,
        SystemOperate,
    };
}
