using static Lianxin.Core.Access.Permissions;

namespace Lianxin.Core.Access;

/// <summary>The roles a station starts with. The three administrative roles are kept apart
/// (MLPS level 3): the system administrator runs accounts, the security administrator grants
/// rights, the auditor reads the log; none of them can do another's work.</summary>
public static class BuiltInRoles
{
    public const string BureauLeader = "bureau-leader";
    public const string StationLeader = "station-leader";
    public const string CommunityOfficer = "community-officer";
    public const string Auxiliary = "auxiliary";
    public const string Mediator = "mediator";
    public const string Volunteer = "volunteer";
    public const string Resident = "resident";
    public const string Informant = "informant";
    public const string IntakeSystem = "intake-system";
    public const string SystemAdmin = "system-admin";
    public const string SecurityAdmin = "security-admin";
    public const string Auditor = "auditor";

    /// <param name="AddedLater">Rights of <paramref name="Permissions"/> this role was given after its feature was first
    /// seeded: an existing station gets each once (<c>BuiltInRoleSeeder</c>), and keeps it taken away if it takes it away.</param>
    public sealed record Definition(string Name, string DisplayName, ScopeKind Scope, string[] Permissions, string[]? AddedLater = null);

    public static readonly IReadOnlyList<Definition> All =
    [
        new(
            BureauLeader,
            "县局领导",
            ScopeKind.OwnUnitAndBelow,
            [
                PlacesRead,
                PeopleRead,
                MembersRead,
                DisputesRead,
                IncidentsRead,
                IncidentsExport,
                VolunteersRead,
                // The county's own dictionary entries, which every station uses.
                DictionariesManage,
            ]
        ),
        new(
            StationLeader,
            "所长/教导员",
            ScopeKind.OwnUnitAndBelow,
            [
                PlacesRead,
                PlacesManage,
                PeopleRead,
                PeopleManage,
                PeopleReveal,
                PeopleExport,
                MembersRead,
                MembersManage,
                DictionariesManage,
                DisputesRead,
                DisputesRegister,
                DisputesMediate,
                DisputesExport,
                IncidentsRead,
                IncidentsRegister,
                IncidentsAnalyse,
                IncidentsExport,
                VolunteersRead,
                VolunteersManage,
                VolunteersExport,
                TipsHandle,
                FeedModerate,
            ]
        ),
        new(
            CommunityOfficer,
            "社区民警",
            ScopeKind.OwnUnitAndBelow,
            [
                PlacesRead,
                PeopleRead,
                PeopleManage,
                PeopleReveal,
                MembersRead,
                MembersManage,
                DisputesRead,
                DisputesRegister,
                DisputesMediate,
                IncidentsRead,
                IncidentsRegister,
                IncidentsAnalyse,
                VolunteersRead,
                VolunteersManage,
                TipsHandle,
                FeedModerate,
                // Community officers keep their own ledgers of their own area (the field trial).
                PeopleExport,
                DisputesExport,
                IncidentsExport,
                VolunteersExport,
            ],
            [PeopleExport, DisputesExport, IncidentsExport, VolunteersExport]
        ),
        new(
            Auxiliary,
            "辅警",
            ScopeKind.OwnUnitAndBelow,
            [
                PlacesRead,
                PeopleRead,
                PeopleManage,
                MembersRead,
                DisputesRead,
                DisputesRegister,
                IncidentsRead,
                IncidentsRegister,
                VolunteersRead,
                TipsHandle,
            ]
        ),
        new(Mediator, "调解员", ScopeKind.OwnUnit, [PlacesRead, PeopleRead, DisputesRead, DisputesMediate]),
        new(Volunteer, "义警", ScopeKind.OwnRecords, [PlacesRead]),
        new(Resident, "群众", ScopeKind.OwnRecords, []),
        // Household heads (百户长/十户长) and security committee members (治保委员) report disputes from
        // their phones in their own village, and follow what became of their own reports.
        new(Informant, "信息员（百户长、治保委员）", ScopeKind.OwnRecords, [DisputesRead, DisputesRegister]),
        // The 110 command system's account: pushes incidents over the API for the units it is given.
        new(IntakeSystem, "110 接处警系统（接口账号）", ScopeKind.OwnUnitAndBelow, [PlacesRead, IncidentsRead, IncidentsRegister]),
        new(SystemAdmin, "系统管理员", ScopeKind.All, [PlacesRead, UsersManage, SystemOperate]),
        new(SecurityAdmin, "安全管理员", ScopeKind.All, [PlacesRead, RolesManage]),
        new(Auditor, "审计员", ScopeKind.All, [PlacesRead, AuditRead, AuditExport]),
    ];

    /// <summary>Roles that one account may not hold together.</summary>
    public static readonly IReadOnlySet<string> SeparatedDuties = new HashSet<string> { SystemAdmin, SecurityAdmin, Auditor };
}
