using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianxin.Core.Data;

public sealed partial class LianxinDbContext : IdentityDbContext<LianxinUser, LianxinRole, string>, IDataProtectionKeyContext
{
    public const string PostgresProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    private readonly TimeProvider _time;
    private readonly ICurrentUser? _user;

    public LianxinDbContext(DbContextOptions<LianxinDbContext> options, TimeProvider? time = null, ICurrentUser? user = null)
        : base(options)
    {
        _time = time ?? TimeProvider.System;
        _user = user;
    }

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<DictionaryItem> DictionaryItems => Set<DictionaryItem>();
    public DbSet<Disputes.Dispute> Disputes => Set<Disputes.Dispute>();
    public DbSet<Disputes.DisputeAttachment> DisputeAttachments => Set<Disputes.DisputeAttachment>();
    public DbSet<Disputes.DisputeAttachmentContent> DisputeAttachmentContents => Set<Disputes.DisputeAttachmentContent>();
    public DbSet<Disputes.MediationSession> MediationSessions => Set<Disputes.MediationSession>();
    public DbSet<Disputes.CounsellingSession> CounsellingSessions => Set<Disputes.CounsellingSession>();
    public DbSet<Disputes.DisputeForceList> DisputeForceLists => Set<Disputes.DisputeForceList>();
    public DbSet<Disputes.MediationAgreement> MediationAgreements => Set<Disputes.MediationAgreement>();
    public DbSet<Disputes.Referral> Referrals => Set<Disputes.Referral>();
    public DbSet<Disputes.Figures.DisputeTally> DisputeTallies => Set<Disputes.Figures.DisputeTally>();
    public DbSet<RollupState> RollupStates => Set<RollupState>();
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();
    public DbSet<Incidents.Incident> Incidents => Set<Incidents.Incident>();
    public DbSet<Incidents.IncidentLink> IncidentLinks => Set<Incidents.IncidentLink>();
    public DbSet<Incidents.IncidentParty> IncidentParties => Set<Incidents.IncidentParty>();
    public DbSet<Incidents.Import.IncidentImport> IncidentImports => Set<Incidents.Import.IncidentImport>();
    public DbSet<Incidents.Import.IncidentImportError> IncidentImportErrors => Set<Incidents.Import.IncidentImportError>();
    public DbSet<Incidents.Statistics.IncidentTally> IncidentTallies => Set<Incidents.Statistics.IncidentTally>();
    public DbSet<Incidents.Cases.PublicSecurityCase> PublicSecurityCases => Set<Incidents.Cases.PublicSecurityCase>();
    public DbSet<Incidents.Repeats.RepeatCluster> RepeatClusters => Set<Incidents.Repeats.RepeatCluster>();
    public DbSet<Incidents.Repeats.RepeatClusterMember> RepeatClusterMembers => Set<Incidents.Repeats.RepeatClusterMember>();
    public DbSet<Incidents.Repeats.RepeatClusterKey> RepeatClusterKeys => Set<Incidents.Repeats.RepeatClusterKey>();
    public DbSet<Incidents.Repeats.FocusNote> FocusNotes => Set<Incidents.Repeats.FocusNote>();
    public DbSet<Incidents.Repeats.RepeatDigest> RepeatDigests => Set<Incidents.Repeats.RepeatDigest>();
    public DbSet<Incidents.Repeats.CommandDirective> CommandDirectives => Set<Incidents.Repeats.CommandDirective>();
    public DbSet<Incidents.Repeats.LookBackPlan> LookBackPlans => Set<Incidents.Repeats.LookBackPlan>();
    public DbSet<Incidents.Repeats.LookBackTask> LookBackTasks => Set<Incidents.Repeats.LookBackTask>();
    public DbSet<Volunteers.Volunteer> Volunteers => Set<Volunteers.Volunteer>();
    public DbSet<Volunteers.VolunteerStatusChange> VolunteerStatusChanges => Set<Volunteers.VolunteerStatusChange>();
    public DbSet<Volunteers.Squad> Squads => Set<Volunteers.Squad>();
    public DbSet<Volunteers.SquadMember> SquadMembers => Set<Volunteers.SquadMember>();
    public DbSet<Volunteers.VolunteerCredit> VolunteerCredits => Set<Volunteers.VolunteerCredit>();
    public DbSet<Volunteers.FeedPost> FeedPosts => Set<Volunteers.FeedPost>();
    public DbSet<Volunteers.Photo> Photos => Set<Volunteers.Photo>();
    public DbSet<Volunteers.PhotoContent> PhotoContents => Set<Volunteers.PhotoContent>();
    public DbSet<Volunteers.Feed.FeedComment> FeedComments => Set<Volunteers.Feed.FeedComment>();
    public DbSet<Volunteers.Feed.FeedLike> FeedLikes => Set<Volunteers.Feed.FeedLike>();
    public DbSet<Volunteers.Tips.Tip> Tips => Set<Volunteers.Tips.Tip>();
    public DbSet<Volunteers.Activities.Activity> Activities => Set<Volunteers.Activities.Activity>();
    public DbSet<Volunteers.Activities.ActivitySquad> ActivitySquads => Set<Volunteers.Activities.ActivitySquad>();
    public DbSet<Volunteers.Activities.ActivitySignup> ActivitySignups => Set<Volunteers.Activities.ActivitySignup>();
    public DbSet<Volunteers.Honours.TrainingSession> TrainingSessions => Set<Volunteers.Honours.TrainingSession>();
    public DbSet<Volunteers.Honours.TrainingAttendance> TrainingAttendances => Set<Volunteers.Honours.TrainingAttendance>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();

    /// <summary>Keys that protect cookies and bearer tokens, shared by every node that uses this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public bool IsPostgres => Database.ProviderName == PostgresProvider;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; all times are UTC, so store ticks.
        if (Database.ProviderName == SqliteProvider)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LianxinDbContext).Assembly);
        var provider = Database.ProviderName;
        foreach (
            var type in typeof(LianxinDbContext)
                .Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IProviderModelConfiguration).IsAssignableFrom(t))
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
        )
            ((IProviderModelConfiguration)Activator.CreateInstance(type, nonPublic: true)!).Configure(builder, provider);

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
        {
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            builder.Entity(type.ClrType).Property(nameof(Entity.CreatedById)).HasMaxLength(64);
        }

        builder.Entity<LianxinUser>(b =>
        {
            b.Property(x => x.DisplayName).HasMaxLength(TextLimits.Name);
            b.HasIndex(x => x.OrgUnitId);
        });
        builder.Entity<LianxinRole>(b => b.Property(x => x.DisplayName).HasMaxLength(TextLimits.Name));

        builder.Entity<DictionaryItem>(b =>
        {
            b.Property(x => x.Category).HasMaxLength(TextLimits.Code);
            b.Property(x => x.Code).HasMaxLength(TextLimits.Code);
            b.Property(x => x.ParentCode).HasMaxLength(TextLimits.Code);
            b.Property(x => x.Name).HasMaxLength(TextLimits.Name);
            b.HasIndex(x => new { x.Category, x.Code }).IsUnique();
            b.HasIndex(x => x.OrgUnitId);
            b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(b =>
        {
            b.HasKey(x => x.Seq);
            b.Property(x => x.Seq).ValueGeneratedNever();
            b.Property(x => x.UserId).HasMaxLength(64);
            b.Property(x => x.UserName).HasMaxLength(AuditEntry.ShortText);
            b.Property(x => x.IpAddress).HasMaxLength(64);
            b.Property(x => x.Action).HasMaxLength(TextLimits.Code);
            b.Property(x => x.EntityType).HasMaxLength(AuditEntry.ShortText);
            b.Property(x => x.EntityId).HasMaxLength(AuditEntry.ShortText);
            b.Property(x => x.Summary).HasMaxLength(TextLimits.Text);
            b.Property(x => x.PrevHash).HasMaxLength(64);
            b.Property(x => x.Hash).HasMaxLength(64);
            b.HasIndex(x => x.At);
            b.HasIndex(x => new { x.UserId, x.At });
            b.HasIndex(x => new { x.EntityType, x.EntityId });
        });

        builder.Entity<Notification>(b =>
        {
            b.Property(x => x.UserId).HasMaxLength(64);
            b.Property(x => x.Title).HasMaxLength(TextLimits.Title);
            b.Property(x => x.Body).HasMaxLength(TextLimits.Text);
            b.Property(x => x.Link).HasMaxLength(TextLimits.Address);
            b.Property(x => x.Severity).HasMaxLength(16);
            b.HasIndex(x => new { x.UserId, x.CreatedAt });
        });

        builder.Entity<RollupState>(b =>
        {
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(TextLimits.Code);
        });

        builder.Entity<NumberSequence>(b =>
        {
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(TextLimits.Code);
        });

        builder.Entity<OutboxMessage>(b =>
        {
            b.Property(x => x.Channel).HasMaxLength(TextLimits.Code);
            b.HasIndex(x => new
            {
                x.SentAt,
                x.FailedAt,
                x.NextAttemptAt,
            });
        });

        builder.Entity<IdempotencyRecord>(b =>
        {
            b.HasKey(x => new { x.UserId, x.Key });
            b.Property(x => x.Key).HasMaxLength(TextLimits.Title);
            b.Property(x => x.UserId).HasMaxLength(64);
            b.Property(x => x.Route).HasMaxLength(TextLimits.Address);
            b.Property(x => x.RequestHash).HasMaxLength(64);
            b.Property(x => x.Location).HasMaxLength(TextLimits.Address);
            b.HasIndex(x => x.CreatedAt);
        });
    }
}
