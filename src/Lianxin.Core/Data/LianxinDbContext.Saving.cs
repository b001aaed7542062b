using System.Text.Json;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Notifications;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianxin.Core.Data;

/// <summary>Every save stamps times and versions, refuses edits to the audit log, writes one audit line
/// per changed record, chained under the database's write lock so the chain has exactly one order, and keeps the
/// features' roll-ups (<see cref="ISaveRollup"/>) current in the same transaction.</summary>
public sealed partial class LianxinDbContext
{
    private const long PostgresChainLockKey = 0x4C69616E78696E; // "Lianxin"
    private readonly List<AuditEntry> _pendingAudit = [];

    /// <summary>For bulk loads (the demo seed, imports): the caller writes one summary line instead
    /// of one line per row.</summary>
    public bool SuppressEntityAudit { get; set; }

    /// <summary>What this context's transactions are doing when it takes long ("导入警情"), named to the writers that
    /// have to wait for it and are turned away (503).</summary>
    public string? WriteActivity { get; set; }

    /// <summary>How long this context's transactions wait on SQLite for the write lock another holds; unset, the
    /// configured wait (<c>Database:WriteWaitSeconds</c>). An import, itself long, waits as long as it must.</summary>
    public TimeSpan? WriteWait { get; set; }

    /// <summary>Names who acts where nobody is signed in but a person is known (a referral's receiver using
    /// a one-time link), so audit lines name them instead of "anonymous".</summary>
    public string? ActorName { get; set; }

    /// <summary>The roll-ups of every feature, found in this assembly once, in one fixed order (by type name) so
    /// every save takes their rows' locks in the same order.</summary>
    private static readonly ISaveRollup[] Rollups =
    [
        .. typeof(LianxinDbContext)
            .Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISaveRollup).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ISaveRollup)Activator.CreateInstance(t, nonPublic: true)!),
    ];

    private static readonly HashSet<Type> Unaudited =
    [
        typeof(AuditEntry),
        typeof(Notification),
        typeof(OutboxMessage),
        typeof(IdempotencyRecord),
        typeof(IdentityUserToken<string>),
        typeof(IdentityUserLogin<string>),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
    ];

    // Features mark their own unaudited entities ([NotAudited]); looked up once per type.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, bool> MarkedNotAudited = new();

    /// <summary>Whether a save writes audit lines for records of this type.</summary>
    public static bool IsAudited(Type type) => !IsUnaudited(type);

    private static bool IsUnaudited(Type type) =>
        Unaudited.Contains(type) || MarkedNotAudited.GetOrAdd(type, t => t.IsDefined(typeof(NotAuditedAttribute), inherit: false));

    // Identity bookkeeping that changes on every sign-in; auditing it would bury the real changes.
    private static readonly HashSet<string> NoisyProperties =
    [
        nameof(Entity.Version),
        nameof(Entity.UpdatedAt),
        nameof(Entity.CreatedAt),
        nameof(IdentityUser.ConcurrencyStamp),
        nameof(IdentityUser.SecurityStamp),
        nameof(IdentityUser.AccessFailedCount),
        nameof(IdentityUser.NormalizedUserName),
        nameof(IdentityUser.NormalizedEmail),
    ];

    /// <summary>Queues the audit line of a reveal of personal data in full: what was seen, and the reason the
    /// person gave (checked by <see cref="Checks.RevealReason"/>) when they gave one.</summary>
    public void AuditReveal(string entityType, string entityId, string what, string? reason)
    {
        var why = Checks.RevealReason(reason);
        Audit(AuditAction.Reveal, entityType, entityId, what + (why is null ? "" : $"；事由：{why}"));
    }

    /// <summary>Queues an audit line (sign-in, reveal, export, …) written with the next save.</summary>
    public void Audit(
        string action,
        string? entityType = null,
        string? entityId = null,
        string? summary = null,
        string? userId = null,
        string? userName = null
    )
    {
        _pendingAudit.Add(
            new AuditEntry
            {
                Action = action,
                EntityType = Truncate(entityType, AuditEntry.ShortText),
                EntityId = Truncate(entityId, AuditEntry.ShortText),
                Summary = Truncate(summary, TextLimits.Text),
                UserId = userId ?? _user?.UserId,
                UserName = Truncate(userName ?? ActorName ?? _user?.UserName ?? "系统", AuditEntry.ShortText)!,
                IpAddress = Truncate(_user?.IpAddress, 64),
            }
        );
    }

    /// <summary>Queues an audit line that names nobody: no account, name or address, for what an anonymous
    /// sender does (an anonymous tip must not be traceable through the log either).</summary>
    public void AuditAnonymous(string action, string entityType, string? entityId, string? summary)
    {
        _pendingAudit.Add(
            new AuditEntry
            {
                Action = action,
                EntityType = Truncate(entityType, AuditEntry.ShortText),
                EntityId = Truncate(entityId, AuditEntry.ShortText),
                Summary = Truncate(summary, TextLimits.Text),
                UserName = "匿名",
            }
        );
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Incidents this context has counted in the statistics' tallies (added by a save, or by the intake
    /// step), so no intake path counts one twice.</summary>
    public HashSet<Guid> TalliedIncidents { get; } = [];

    public override int SaveChanges(bool acceptAllChangesOnSuccess) => SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Millisecond precision survives every provider's round trip, so hashes over stored times still verify.
        var utc = _time.GetUtcNow().UtcTicks;
        var now = new DateTimeOffset(utc - utc % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
        ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries<AuditEntry>())
        {
            if (e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("The audit log is append-only.");
        }
        var placing = StampEntities(now);
        await Organization.UnitStations.StampAsync(this, placing, cancellationToken);
        if (!SuppressEntityAudit)
            CollectEntityAudit();
        // Read before the save: afterwards the changes count as stored, and what they add would be lost.
        var rollups = new List<Func<CancellationToken, Task>>();
        foreach (var rollup in Rollups)
            if (rollup.Collect(this) is { } write)
                rollups.Add(write);
        if (_pendingAudit.Count == 0 && rollups.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        var lines = _pendingAudit.ToList();
        _pendingAudit.Clear();
        // The chain's next number is read and taken inside the save's transaction, under the database's write lock, so
        // the chain has exactly one order. On PostgreSQL a transaction-scoped advisory lock orders the chain across
        // nodes and within one: held to the end of the transaction and taken again freely by the same transaction, so
        // a service that saves twice in one transaction never waits on itself. On SQLite every transaction begins with
        // BEGIN IMMEDIATE (behind the process's write gate, SqliteWriteGate), which already makes it the file's only
        // writer: no second lock is taken, so no writer can hold one lock while it waits for the other (an in-process
        // chain lock taken before the write lock once let an import and the edits beside it wait on each other).
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            if (lines.Count > 0)
            {
                if (IsPostgres)
                    await Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresChainLockKey})", cancellationToken);
                var last = await AuditEntries
                    .AsNoTracking()
                    .OrderByDescending(a => a.Seq)
                    .Select(a => new { a.Seq, a.Hash })
                    .FirstOrDefaultAsync(cancellationToken);
                var seq = last?.Seq ?? 0;
                var prev = last?.Hash ?? AuditChain.Genesis;
                // Taken under the lock, so time never runs backwards along the chain and purging by time is purging a prefix.
                var utcNow = _time.GetUtcNow().UtcTicks;
                var at = new DateTimeOffset(utcNow - utcNow % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);
                foreach (var line in lines)
                {
                    line.Seq = ++seq;
                    line.At = at;
                    line.PrevHash = prev;
                    line.Hash = AuditChain.ComputeHash(line);
                    prev = line.Hash;
                }
                AuditEntries.AddRange(lines);
            }
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var write in rollups)
                await write(cancellationToken);
            if (ownTransaction is not null)
                await ownTransaction.CommitAsync(cancellationToken);
            return count;
        }
        catch
        {
            foreach (var line in lines)
                Entry(line).State = EntityState.Detached;
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
                await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Removes audit lines older than the cut-off (retention). The first remaining line
    /// becomes the chain's anchor; the purge itself is recorded.</summary>
    public async Task<int> PurgeAuditBeforeAsync(DateTimeOffset cutoff, CancellationToken ct = default)
    {
        var range = await AuditEntries
            .Where(a => a.At < cutoff)
            .GroupBy(_ => 1)
            .Select(g => new { First = g.Min(a => a.Seq), Last = g.Max(a => a.Seq) })
            .FirstOrDefaultAsync(ct);
        if (range is null)
            return 0;
        await using var tx = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(ct) : null;
        var removed = await AuditEntries.Where(a => a.Seq <= range.Last).ExecuteDeleteAsync(ct);
        Audit(AuditAction.Purge, nameof(AuditEntry), null, $"按保留期清理 {removed} 条（第 {range.First} 至 {range.Last} 条）");
        await SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>Sets the times, author and version of what the save adds or changes; returns the residents it places
    /// (found in the same pass, for <see cref="Organization.UnitStations.StampAsync"/>).</summary>
    private List<EntityEntry> StampEntities(DateTimeOffset now)
    {
        var placing = new List<EntityEntry>();
        foreach (var e in ChangeTracker.Entries<Entity>())
        {
            if (Organization.UnitStations.Places(e))
                placing.Add(e);
            switch (e.State)
            {
                case EntityState.Added:
                    if (e.Entity.CreatedAt == default)
                        e.Entity.CreatedAt = now;
                    e.Entity.UpdatedAt = now;
                    e.Entity.CreatedById ??= _user?.UserId;
                    e.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    e.Entity.UpdatedAt = now;
                    e.Entity.Version = e.Property(x => x.Version).OriginalValue + 1;
                    break;
            }
        }
        return placing;
    }

    private void CollectEntityAudit()
    {
        foreach (var e in ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (IsUnaudited(e.Entity.GetType()) || e.Metadata.IsOwned())
                continue;
            var changes = DescribeChanges(e);
            if (e.State == EntityState.Modified && changes.Count == 0)
                continue;
            var action = e.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var key = e.Metadata.FindPrimaryKey();
            // A key the database has not assigned yet (identity columns) is a placeholder; leave it out.
            var id =
                key is null || key.Properties.Any(p => e.Property(p.Name).IsTemporary)
                    ? null
                    : string.Join(
                        ",",
                        key.Properties.Select(p =>
                            Convert.ToString(e.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)
                        )
                    );
            Audit(action, e.Metadata.ClrType.Name, id, summary: DescribeRecord(e.Entity));
            _pendingAudit[^1].Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes, AuditJson.Options);
        }
    }

    private static string? DescribeRecord(object entity) =>
        entity switch
        {
            Organization.OrgUnit u => u.Name,
            Organization.Member m => m.Name,
            Organization.Resident r => r.Name,
            LianxinUser u => u.UserName,
            LianxinRole r => r.Name,
            Dictionaries.DictionaryItem d => $"{d.Category}/{d.Code} {d.Name}",
            IAuditNamed named => named.AuditName,
            IdentityRoleClaim<string> c => $"角色 {c.RoleId}：{c.ClaimType}={c.ClaimValue}",
            IdentityUserRole<string> ur => $"账号 {ur.UserId} ↔ 角色 {ur.RoleId}",
            _ => null,
        };

    private static Dictionary<string, object?[]> DescribeChanges(EntityEntry e)
    {
        var result = new Dictionary<string, object?[]>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (NoisyProperties.Contains(name))
                continue;
            // Ciphertext, hashes and the birth date (which with the masked ID gives the full number) stay out of the log.
            var sensitive =
                name.EndsWith("Cipher", StringComparison.Ordinal) || name.EndsWith("Hash", StringComparison.Ordinal) || name == "BirthDate";
            object? oldValue = e.State == EntityState.Added ? null : p.OriginalValue;
            object? newValue = e.State == EntityState.Deleted ? null : p.CurrentValue;
            if (e.State == EntityState.Modified && !p.IsModified)
                continue;
            if (e.State == EntityState.Modified && ValueEquals(oldValue, newValue))
                continue;
            if (e.State != EntityState.Modified && oldValue is null && newValue is null)
                continue;
            if (sensitive)
            {
                oldValue = oldValue is null ? null : "(已加密)";
                newValue = newValue is null ? null : "(已加密)";
            }
            result[name] = [Simplify(oldValue), Simplify(newValue)];
        }
        return result;
    }

    private static bool ValueEquals(object? a, object? b) =>
        a switch
        {
            null => b is null,
            byte[] x => b is byte[] y && x.AsSpan().SequenceEqual(y),
            System.Collections.IEnumerable x when a is not string => b is System.Collections.IEnumerable y
                && x.Cast<object?>().SequenceEqual(y.Cast<object?>()),
            _ => a.Equals(b),
        };

    private static object? Simplify(object? v) =>
        v switch
        {
            null => null,
            string s => Truncate(s, 500),
            Enum en => en.ToString(),
            byte[] => "(二进制)",
            _ => v,
        };

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..(max - 1)] + "…";
}
