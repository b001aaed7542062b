namespace Lianxin.Web.Audit;

/// <summary>What the audit page calls the record types the log names (it stores CLR type names: <c>Resident</c>,
/// <c>Dispute</c>). The values are resource keys of <c>AuditText</c>, so the names follow the chosen language; a type
/// missing here is shown as stored. A test holds every type the database context audits to a name here.</summary>
public static class AuditEntityTypes
{
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OrgUnit"] = "Audit_Entity_OrgUnit",
        ["Member"] = "Audit_Entity_Member",
        ["Resident"] = "Audit_Entity_Resident",
        ["LianxinUser"] = "Audit_Entity_User",
        ["LianxinRole"] = "Audit_Entity_Role",
        ["IdentityUserRole`1"] = "Audit_Entity_UserRole",
        ["IdentityRoleClaim`1"] = "Audit_Entity_RoleClaim",
        ["DictionaryItem"] = "Audit_Entity_DictionaryItem",
        ["AuditEntry"] = "Audit_Entity_AuditEntry",
        ["DemoCounty"] = "Audit_Entity_DemoCounty",
        ["IdentityUserClaim`1"] = "Audit_Entity_UserClaim",
        ["Access"] = "Audit_Entity_Access",
        ["UserSession"] = "Audit_Entity_UserSession",
        ["CounsellingSession"] = "Audit_Entity_CounsellingSession",
        ["Dispute"] = "Audit_Entity_Dispute",
        ["DisputeAttachment"] = "Audit_Entity_DisputeAttachment",
        ["DisputeAttachmentContent"] = "Audit_Entity_DisputeAttachmentContent",
        ["DisputeForceList"] = "Audit_Entity_DisputeForceList",
        ["DisputeTally"] = "Audit_Entity_DisputeTally",
        ["MediationAgreement"] = "Audit_Entity_MediationAgreement",
        ["MediationSession"] = "Audit_Entity_MediationSession",
        ["Referral"] = "Audit_Entity_Referral",
        ["Incident"] = "Audit_Entity_Incident",
        ["IncidentParty"] = "Audit_Entity_IncidentParty",
        ["IncidentLink"] = "Audit_Entity_IncidentLink",
        ["IncidentImport"] = "Audit_Entity_IncidentImport",
        ["IncidentImportError"] = "Audit_Entity_IncidentImportError",
        ["IncidentTally"] = "Audit_Entity_IncidentTally",
        ["PublicSecurityCase"] = "Audit_Entity_PublicSecurityCase",
        ["RepeatCluster"] = "Audit_Entity_RepeatCluster",
        ["RepeatClusterMember"] = "Audit_Entity_RepeatClusterMember",
        ["RepeatDigest"] = "Audit_Entity_RepeatDigest",
        ["FocusNote"] = "Audit_Entity_FocusNote",
        ["CommandDirective"] = "Audit_Entity_CommandDirective",
        ["DirectiveImportReport"] = "Audit_Entity_DirectiveImportReport",
        ["DirectiveImportProblem"] = "Audit_Entity_DirectiveImportProblem",
        ["LookBackPlan"] = "Audit_Entity_LookBackPlan",
        ["LookBackTask"] = "Audit_Entity_LookBackTask",
        ["Volunteer"] = "Audit_Entity_Volunteer",
        ["VolunteerStatusChange"] = "Audit_Entity_VolunteerStatusChange",
        ["VolunteerCredit"] = "Audit_Entity_VolunteerCredit",
        ["Squad"] = "Audit_Entity_Squad",
        ["SquadMember"] = "Audit_Entity_SquadMember",
        ["Activity"] = "Audit_Entity_Activity",
        ["ActivitySignup"] = "Audit_Entity_ActivitySignup",
        ["ActivitySquad"] = "Audit_Entity_ActivitySquad",
        ["TrainingSession"] = "Audit_Entity_TrainingSession",
        ["TrainingAttendance"] = "Audit_Entity_TrainingAttendance",
        ["Photo"] = "Audit_Entity_Photo",
        ["PhotoContent"] = "Audit_Entity_PhotoContent",
        ["FeedPost"] = "Audit_Entity_FeedPost",
        ["FeedComment"] = "Audit_Entity_FeedComment",
        ["FeedLike"] = "Audit_Entity_FeedLike",
        ["Tip"] = "Audit_Entity_Tip",
        ["RollupState"] = "Audit_Entity_RollupState",
    };

    /// <summary>The resource key of the type's name, or null for a type not named here.</summary>
    public static string? KeyOf(string? type) => type is not null && Keys.TryGetValue(type, out var key) ? key : null;
}
