using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Repeated-incident clusters as officers work them: listed within scope, put on the focus list
/// with an owner, status and notes, and turned into a dispute in one step.</summary>
public sealed class RepeatService(
    LianxinDbContext db,
    ICurrentUser user,
    DisputeService disputes,
    PersonalDataProtector protector,
    NotificationService notifications
)
{
    private const int MaxIncidents = 200;

    public async Task<PagedResult<ClusterRow>> ListAsync(ClusterFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        var rows = await q.OrderByDescending(c => c.LastAt).ThenBy(c => c.Id).ToPageAsync(page, Project, ct);
        return rows with { Items = await WithKindsAsync(rows.Items, ct) };
    }

    /// <summary>The groups (in the caller's scope) that hold an incident: one, once groups were merged.</summary>
    public async Task<IReadOnlyList<ClusterRow>> OfIncidentAsync(Guid incidentId, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var ids = db.RepeatClusterMembers.Where(m => m.IncidentId == incidentId).Select(m => m.ClusterId);
        var rows = await Project((await ScopedAsync(ct)).AsNoTracking().Where(c => ids.Contains(c.Id)).OrderByDescending(c => c.LastAt))
            .ToListAsync(ct);
        return await WithKindsAsync(rows, ct);
    }

    /// <summary>The rows with the kinds of key that joined each group, read for the page in one statement.</summary>
    private async Task<IReadOnlyList<ClusterRow>> WithKindsAsync(IReadOnlyList<ClusterRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var kinds = (
            await db
                .RepeatClusterKeys.AsNoTracking()
                .Where(k => ids.Contains(k.ClusterId))
                .Select(k => new { k.ClusterId, k.Kind })
                .Distinct()
                .ToListAsync(ct)
        )
            .GroupBy(k => k.ClusterId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RepeatClusterKind>)g.Select(k => k.Kind).Order().ToList());
        return rows.Select(r => r with { Kinds = kinds.GetValueOrDefault(r.Id) }).ToList();
    }

    public async Task<ClusterDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var c = await (await ScopedAsync(ct))
            .AsNoTracking()
            .Include(x => x.OrgUnit)
            .Include(x => x.Notes)
            .FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var incidents = await (
            from m in db.RepeatClusterMembers
            join i in db.Incidents on m.IncidentId equals i.Id
            where m.ClusterId == id
            orderby i.ReceivedAt
            select new
            {
                i.Id,
                i.Number,
                i.ReceivedAt,
                i.CategoryCode,
                i.Address,
                i.CallerPhoneMasked,
                i.Summary,
                i.DisputeId,
                m.JoinedKind,
                m.JoinedKey,
            }
        )
            .AsNoTracking()
            .Take(MaxIncidents)
            .ToListAsync(ct);
        var keys = await (
            from k in db.RepeatClusterKeys
            where k.ClusterId == id
            join i in db.Incidents on k.IncidentId equals i.Id into brought
            from i in brought.DefaultIfEmpty()
            orderby i.ReceivedAt, k.Kind
            select new
            {
                k.Kind,
                k.Key,
                k.Label,
                k.IncidentId,
                Number = i == null ? null : i.Number,
            }
        )
            .AsNoTracking()
            .ToListAsync(ct);
        var labelOf = keys.GroupBy(k => (k.Kind, k.Key)).ToDictionary(g => g.Key, g => g.First().Label);
        var disputes = await DisputesOfAsync(c.DisputeId, incidents.Select(i => i.DisputeId), ct);
        var codes = incidents.Select(i => i.CategoryCode).Distinct().ToList();
        var names = await db
            .DictionaryItems.AsNoTracking()
            .Where(d => d.Category == "incident-category" && codes.Contains(d.Code))
            .Select(d => new { d.Code, d.Name })
            .ToListAsync(ct);
        var nameOf = names.GroupBy(n => n.Code).ToDictionary(g => g.Key, g => g.First().Name);
        var owner = c.FocusOwnerId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == c.FocusOwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new ClusterDetail(
            Row(c),
            owner,
            incidents
                .Select(i => new ClusterIncident(
                    i.Id,
                    i.Number,
                    i.ReceivedAt,
                    i.CategoryCode,
                    nameOf.GetValueOrDefault(i.CategoryCode),
                    i.Address,
                    i.CallerPhoneMasked,
                    i.Summary,
                    i.DisputeId,
                    i.JoinedKind,
                    i.JoinedKind is { } k && i.JoinedKey is { } key ? labelOf.GetValueOrDefault((k, key)) : null
                ))
                .ToList(),
            c.Notes.OrderBy(n => n.At).Select(n => new FocusNoteView(n.Id, n.At, n.ByName, n.Text)).ToList(),
            keys.Select(k => new ClusterKeyView(k.Kind, k.Label, k.IncidentId, k.Number)).ToList(),
            disputes
        );
    }

    /// <summary>The disputes a group's incidents are in, and the one opened from it, the group's own first.</summary>
    private async Task<IReadOnlyList<ClusterDisputeView>> DisputesOfAsync(Guid? own, IEnumerable<Guid?> ofIncidents, CancellationToken ct)
    {
        var counts = ofIncidents.OfType<Guid>().GroupBy(d => d).ToDictionary(g => g.Key, g => g.Count());
        if (own is { } o)
            counts.TryAdd(o, 0);
        if (counts.Count == 0)
            return [];
        var ids = counts.Keys.ToList();
        var rows = await db
            .Disputes.AsNoTracking()
            .Where(d => ids.Contains(d.Id))
            .Select(d => new
            {
                d.Id,
                d.Number,
                d.Title,
                d.Status,
            })
            .ToListAsync(ct);
        return rows.OrderBy(d => d.Id != own)
            .ThenBy(d => d.Number, StringComparer.Ordinal)
            .Select(d => new ClusterDisputeView(d.Id, d.Number, d.Title, d.Status, counts[d.Id]))
            .ToList();
    }

    /// <summary>Most clusters the weekly view reads (the largest first); a page showing this many says the rest are left out.</summary>
    public const int MaxWeekClusters = 1000;

    /// <summary>The clusters that grew in one week (Monday to Sunday, China time), grouped by station.</summary>
    public async Task<IReadOnlyList<StationWeek>> WeekAsync(DateOnly? week, CancellationToken ct = default)
    {
        var start = IncidentPeople.WeekStart(IncidentPeople.StartOf(week ?? IncidentPeople.WeekStart(db.Now)));
        var rows = await Project(
                (await QueryAsync(new ClusterFilter(From: start, To: start.AddDays(6)), ct))
                    .OrderByDescending(c => c.IncidentCount)
                    .ThenByDescending(c => c.LastAt)
                    .Take(MaxWeekClusters)
            )
            .ToListAsync(ct);
        var unitIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        var stations = await db
            .OrgUnits.AsNoTracking()
            .Where(u => u.Kind == Organization.OrgUnitKind.Station)
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Path,
            })
            .ToListAsync(ct);
        string? StationOf(Guid unit)
        {
            var path = units.First(u => u.Id == unit).Path;
            return stations.FirstOrDefault(s => path.StartsWith(s.Path, StringComparison.Ordinal) || s.Id == unit)?.Id.ToString();
        }
        return rows.GroupBy(r => StationOf(r.OrgUnitId))
            .Select(g =>
            {
                var station = g.Key is null ? null : stations.First(s => s.Id.ToString() == g.Key);
                return new StationWeek(
                    station?.Id ?? Guid.Empty,
                    station?.Name ?? "其他单位",
                    g.Count(),
                    g.Sum(r => r.IncidentCount),
                    g.ToList()
                );
            })
            .OrderByDescending(s => s.Clusters)
            .ToList();
    }

    public async Task<RepeatCluster> FocusAsync(Guid id, FocusInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var c = await LoadAsync(id, ct);
        Refuse(c, FocusAction.AddToFocus);
        var owner = await OwnerAsync(input.OwnerId ?? user.UserId, ct);
        var note = CleanNote(input.Note, required: false);
        c.AddToFocus(owner.Id, db.Now);
        await AddNoteAsync(c, note ?? $"加入重点关注，责任人 {owner.DisplayName}", ct);
        await db.SaveChangesAsync(ct);
        if (owner.Id != user.UserId)
            await notifications.SendAsync(
                owner.Id,
                $"重点关注：{c.Label}",
                $"您被指定为该重复警情（{c.IncidentCount} 起）的跟进责任人。",
                $"/incidents/focus?open={c.Id}",
                "info",
                ct: ct
            );
        return c;
    }

    public async Task<RepeatCluster> UpdateFocusAsync(Guid id, FocusUpdate input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        if (input.OwnerId is null && input.Status is null)
            throw new ValidationFailedException("status", "请选择新的状态或责任人");
        if (input.Status is { } s && !Enum.IsDefined(s))
            throw new ValidationFailedException("status", "状态无效");
        var c = await LoadAsync(id, ct);
        Refuse(c, input.Status is null ? FocusAction.ChangeOwner : FocusAction.ChangeStatus);
        Concurrency.Expect(db, c, input.Version);
        var changes = new List<string>();
        if (input.OwnerId is not null && input.OwnerId != c.FocusOwnerId)
        {
            var owner = await OwnerAsync(input.OwnerId, ct);
            c.ChangeOwner(owner.Id);
            changes.Add($"责任人改为 {owner.DisplayName}");
        }
        if (input.Status is { } status && status != c.FocusStatus)
        {
            changes.Add($"状态由「{c.FocusStatus?.Label()}」改为「{status.Label()}」");
            c.ChangeStatus(status);
        }
        if (changes.Count > 0)
            await AddNoteAsync(c, string.Join("；", changes), ct);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<FocusNoteView> AddNoteAsync(Guid id, NoteInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var text = CleanNote(input.Text, required: true)!;
        var c = await LoadAsync(id, ct);
        c.RequireNote();
        var note = await AddNoteAsync(c, text, ct);
        await db.SaveChangesAsync(ct);
        return new FocusNoteView(note.Id, note.At, note.ByName, note.Text);
    }

    /// <summary>一键转纠纷: registers a dispute from the cluster (source 110, description from its incidents,
    /// parties from the people named in its incidents and from the callers whose names are known, unit from the place)
    /// and links the incidents to it, all in one transaction.</summary>
    public const int MaxDisputeParties = 10;

    public async Task<Dispute> OpenDisputeAsync(Guid id, ClusterDisputeInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        user.Demand(Permissions.DisputesRegister);
        var title = Checks.Clean(input.Title);
        if (title is { Length: > 100 })
            throw new ValidationFailedException("title", "标题不能超过 100 字");
        var c = await LoadAsync(id, ct);
        var incidents = await (
            from m in db.RepeatClusterMembers
            join i in db.Incidents on m.IncidentId equals i.Id
            where m.ClusterId == id
            orderby i.ReceivedAt
            select i
        )
            .Take(MaxIncidents)
            .ToListAsync(ct);
        var earlier = await EarlierDisputeAsync(c, incidents, input.Confirmed, ct);
        var description = string.Join(
            "\n",
            incidents.Select(i => $"{i.ReceivedAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm} 警情 {i.Number}：{i.Summary}")
        );
        description = $"由重复警情组（{c.Label}，{incidents.Count} 起）转入。\n{description}";
        if (description.Length > TextLimits.Text)
            description = description[..(TextLimits.Text - 1)] + "…";
        var parties = await PartiesOfAsync(incidents, ct);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Repeated calls from one flat are most often a quarrel between neighbours (seed 004); a caller's calls from many places, anything.
        var category = Checks.Clean(input.CategoryCode)
            ?? (
                c.Kind == RepeatClusterKind.Address
                || await db.RepeatClusterKeys.AnyAsync(k => k.ClusterId == c.Id && k.Kind == RepeatClusterKind.Address, ct)
                    ? "neighbour"
                    : "other"
            );
        var dispute = await disputes.RegisterAsync(
            new DisputeInput(
                title ?? $"重复警情：{c.Label}",
                category,
                description,
                DisputeSource.Incident110,
                c.OrgUnitId,
                incidents.Select(i => i.Address).FirstOrDefault(a => a is not null) ?? c.Label,
                parties
            ),
            ct
        );
        // Incidents in a dispute already stay there; the new dispute is linked to that one instead.
        foreach (var i in incidents.Where(i => i.DisputeId is null))
            i.TakeDispute(dispute.Id);
        c.LinkDispute(dispute.Id);
        var related = "";
        if (earlier is { } e)
        {
            dispute.RelateTo(e.Id);
            related = $"（关联纠纷 {e.Number}）";
        }
        if (c.OnFocusList)
            await AddNoteAsync(c, $"已转为纠纷 {dispute.Number}{related}", ct);
        db.Audit(Audit.AuditAction.Update, nameof(RepeatCluster), c.Id.ToString(), $"重复警情转纠纷 {dispute.Number}{related}");
        await disputes.RegradeLinkedAsync(ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return dispute;
    }

    /// <summary>No second dispute for the same incidents without the officer's word: when the group was turned into a
    /// dispute, or some of its incidents are in one, a 409 naming those disputes unless the request is confirmed. Confirmed,
    /// the dispute to link the new one to: the group's own, else the one holding most of its incidents.</summary>
    private async Task<(Guid Id, string Number)?> EarlierDisputeAsync(
        RepeatCluster c,
        List<Incident> incidents,
        bool confirmed,
        CancellationToken ct
    )
    {
        var ids = incidents
            .Select(i => i.DisputeId)
            .OfType<Guid>()
            .GroupBy(d => d)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key)
            .Select(g => g.Key)
            .ToList();
        if (c.DisputeId is { } own)
        {
            ids.Remove(own);
            ids.Insert(0, own);
        }
        if (ids.Count == 0)
            return null;
        var numbers = await db.Disputes.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Number, ct);
        if (!confirmed)
            throw new ConflictException(
                $"该组警情已在纠纷 {string.Join("、", ids.Where(numbers.ContainsKey).Select(d => numbers[d]))} 中；"
                    + "确需另行登记的，请确认后再提交，新纠纷将与其关联"
            );
        var first = ids.First(numbers.ContainsKey);
        return (first, numbers[first]);
    }

    /// <summary>The dispute's parties: first the people named in the incidents (当事人, suspects, victims; not witnesses),
    /// one per person, then the callers not named already, at most <see cref="MaxDisputeParties"/>. A person whose ID
    /// number or phone is a registered resident's in the caller's scope is linked to that resident.</summary>
    private async Task<List<PartyInput>> PartiesOfAsync(List<Incident> incidents, CancellationToken ct)
    {
        var ids = incidents.Select(i => i.Id).ToList();
        var named = await db
            .IncidentParties.AsNoTracking()
            .Where(p => ids.Contains(p.IncidentId) && p.Role != IncidentPartyRole.Witness)
            .OrderBy(p => p.ReceivedAt)
            .ThenBy(p => p.Position)
            .ToListAsync(ct);
        var people = new List<(string Name, string? IdHash, string? PhoneHash)>();
        var seenKeys = new HashSet<string>(StringComparer.Ordinal);
        var seenNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in named)
        {
            var name = protector.Reveal(p.Name)?.Trim();
            if (string.IsNullOrEmpty(name))
                continue;
            if (p.PersonKey is { } key ? !seenKeys.Add(key) : seenNames.Contains(name))
                continue;
            seenNames.Add(name);
            people.Add((name, p.IdNumberHash, p.PhoneHash));
        }
        foreach (var i in incidents)
        {
            var name = protector.Reveal(i.CallerName)?.Trim();
            if (string.IsNullOrEmpty(name) || seenNames.Contains(name))
                continue;
            if (i.CallerPhoneHash is { } phone && named.Any(p => p.PhoneHash == phone))
                continue;
            seenNames.Add(name);
            people.Add((name, null, i.CallerPhoneHash));
        }
        people = people.Take(MaxDisputeParties).ToList();

        var scope = await user.GetScopeAsync(ct);
        var idHashes = people.Select(p => p.IdHash).OfType<string>().Distinct().ToList();
        var phoneHashes = people.Select(p => p.PhoneHash).OfType<string>().Distinct().ToList();
        var residents =
            idHashes.Count + phoneHashes.Count == 0
                ? []
                : await db
                    .Residents.AsNoTracking()
                    .Where(scope.Filter<Resident>())
                    .Where(r =>
                        (r.IdNumberHash != null && idHashes.Contains(r.IdNumberHash))
                        || (r.PhoneHash != null && phoneHashes.Contains(r.PhoneHash))
                    )
                    .Select(r => new
                    {
                        r.Id,
                        r.IdNumberHash,
                        r.PhoneHash,
                    })
                    .ToListAsync(ct);
        return people
            .Select(
                (p, k) =>
                {
                    // The ID number decides; a phone only when it points at one resident.
                    var byId = p.IdHash is null ? null : residents.FirstOrDefault(r => r.IdNumberHash == p.IdHash);
                    var byPhone = p.PhoneHash is null ? [] : residents.Where(r => r.PhoneHash == p.PhoneHash).Take(2).ToList();
                    var resident = byId?.Id ?? (byPhone.Count == 1 ? byPhone[0].Id : null);
                    return new PartyInput(k == 0 ? PartyRole.Applicant : PartyRole.Respondent, p.Name, resident, null);
                }
            )
            .ToList();
    }

    /// <summary>Accounts that may own a focus-list cluster or a look-back task: active, in the caller's scope.</summary>
    public async Task<IReadOnlyList<AssigneeChoice>> OwnersAsync(string? q, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var text = Checks.SearchTerm(q);
        var scope = await user.GetScopeAsync(ct);
        var units = db.OrgUnits.Where(scope.UnitFilter()).Select(u => u.Id);
        var query = db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.OrgUnitId != null && units.Contains(u.OrgUnitId.Value));
        if (text is not null)
            query = query.Where(u => u.DisplayName.Contains(text) || u.UserName!.Contains(text));
        return await query.OrderBy(u => u.DisplayName).Take(50).Select(u => new AssigneeChoice(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    internal async Task<LianxinUser> OwnerAsync(string? id, CancellationToken ct)
    {
        var ownerId = Checks.Clean(id) ?? throw new ValidationFailedException("ownerId", "请选择责任人");
        if (ownerId.Length > 64)
            throw new ValidationFailedException("ownerId", "责任人无效");
        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ownerId && !u.IsDisabled, ct);
        var unit = owner?.OrgUnitId is { } unitId ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) : null;
        if (owner is null || unit is null || !(await user.GetScopeAsync(ct)).Covers(unit))
            throw new ValidationFailedException("ownerId", "责任人须为您管辖范围内的在用账号");
        return owner;
    }

    private async Task<FocusNote> AddNoteAsync(RepeatCluster c, string text, CancellationToken ct)
    {
        var me = user.UserId ?? "system";
        var name = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? user.UserName;
        var note = new FocusNote
        {
            ClusterId = c.Id,
            At = db.Now,
            ById = me,
            ByName = name,
            Text = text,
        };
        db.FocusNotes.Add(note);
        c.UpdatedAt = db.Now;
        db.Entry(c).Property(x => x.UpdatedAt).IsModified = true;
        return note;
    }

    /// <summary>Refuses, before anything is read or checked, an action the cluster's focus state does not allow.</summary>
    private static void Refuse(RepeatCluster c, FocusAction action)
    {
        if (!FocusTransitions.IsAllowed(c.FocusStatus, action))
            throw new ConflictException(FocusTransitions.RefusalMessage(c.FocusStatus, action));
    }

    private static string? CleanNote(string? text, bool required)
    {
        var note = Checks.Clean(text);
        if (note is null && required)
            throw new ValidationFailedException("text", "请填写跟进记录");
        if (note is { Length: > 1000 })
            throw new ValidationFailedException(required ? "text" : "note", "跟进记录不能超过 1000 字");
        return note;
    }

    private async Task<RepeatCluster> LoadAsync(Guid id, CancellationToken ct) =>
        await (await ScopedAsync(ct)).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();

    private async Task<IQueryable<RepeatCluster>> ScopedAsync(CancellationToken ct) =>
        db.RepeatClusters.Where((await user.GetScopeAsync(ct)).Filter<RepeatCluster>());

    private async Task<IQueryable<RepeatCluster>> QueryAsync(ClusterFilter f, CancellationToken ct)
    {
        user.Demand(Permissions.IncidentsRead);
        var q = (await ScopedAsync(ct)).AsNoTracking();
        if (f.Kind is { } k)
        {
            if (!Enum.IsDefined(k))
                throw new ValidationFailedException("kind", "聚类方式无效");
            q = q.Where(c => c.Keys.Any(x => x.Kind == k));
        }
        if (f.OrgUnitId is { } unit)
            q = await DataScope.UnderUnitAsync(q, db, unit, ct);
        if (f.From is { } from)
        {
            var at = IncidentPeople.StartOf(from);
            q = q.Where(c => c.LastAt >= at);
        }
        if (f.To is { } to)
        {
            var at = IncidentPeople.StartOf(to.AddDays(1));
            q = q.Where(c => c.LastAt < at);
        }
        if (f.From is { } a && f.To is { } b && b < a)
            throw new ValidationFailedException("to", "结束日期不能早于开始日期");
        if (f.Focus is { } focus)
            q = q.Where(c => c.OnFocusList == focus);
        if (f.Status is { } s)
            q = q.Where(c => c.FocusStatus == s);
        if (f.MinCount is { } n)
        {
            if (n is < 1 or > 10000)
                throw new ValidationFailedException("minCount", "起数须在 1 到 10000 之间");
            q = q.Where(c => c.IncidentCount >= n);
        }
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(c => c.Label.Contains(text) || c.Keys.Any(k => k.Label.Contains(text)));
        }
        return q;
    }

    // One projection for queries and for loaded entities, so a list row and a single row cannot drift apart;
    // the unit's name is null-safe because a loaded entity may come without its unit.
    private static readonly Expression<Func<RepeatCluster, ClusterRow>> AsRow = c => new ClusterRow(
        c.Id,
        c.Kind,
        c.Label,
        c.OrgUnitId,
        c.OrgUnit == null ? null : c.OrgUnit.Name,
        c.FirstAt,
        c.LastAt,
        c.IncidentCount,
        c.CategoryCode,
        c.OnFocusList,
        c.FocusStatus,
        c.FocusOwnerId,
        c.DisputeId,
        c.Version,
        null
    );

    private static readonly Func<RepeatCluster, ClusterRow> ToRow = AsRow.Compile();

    private static IQueryable<ClusterRow> Project(IQueryable<RepeatCluster> q) => q.Select(AsRow);

    private static ClusterRow Row(RepeatCluster c) => ToRow(c);
}
