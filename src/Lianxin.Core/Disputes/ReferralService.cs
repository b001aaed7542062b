using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>Referral (警调衔接 / 诉调对接): the transfer form, the receiver's acknowledgement and result (by staff
/// entry or through a one-time link that needs no account), each moving the dispute through its rules.</summary>
public sealed class ReferralService(
    LianxinDbContext db,
    ICurrentUser user,
    PersonalDataProtector protector,
    NotificationService notifications,
    Microsoft.Extensions.Options.IOptions<DisputeOptions> options
)
{
    /// <summary>How long a receiver's link works.</summary>
    public static TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Working-day calendar for acknowledgement deadlines.</summary>
    public static WorkingDays Calendar { get; set; } = WorkingDays.Default;

    private const string LinkActor = "referral-link";

    // ---- staff ----

    public async Task<PagedResult<ReferralView>> ListAsync(Guid disputeId, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        await ScopedDisputeAsync(disputeId, tracked: false, ct);
        var q = db.Referrals.AsNoTracking().Where(r => r.DisputeId == disputeId);
        var now = db.Now;
        return (await q.OrderByDescending(r => r.ReferredAt).ThenBy(r => r.Id).ToPageAsync(page, ct)).Select(r =>
            ReferralView.From(r, now)
        );
    }

    public async Task<ReferralView> GetAsync(Guid disputeId, Guid referralId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        await ScopedDisputeAsync(disputeId, tracked: false, ct);
        var r = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referralId && x.DisputeId == disputeId, ct)
            ?? throw new NotFoundException();
        return ReferralView.From(r, db.Now);
    }

    /// <summary>Facts from the description and parties, the reason from the triage, the work done from the timeline.</summary>
    public async Task<ReferralDraft> DraftAsync(Guid disputeId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var d = await ScopedDisputeAsync(disputeId, tracked: false, ct);
        var parties =
            d.Parties.Count == 0
                ? ""
                : "当事人：" + string.Join("、", d.Parties.Select(p => $"{p.DisplayName}（{p.Role.Label()}）")) + "。\n";
        var facts = Fit($"{parties}{(d.Address is null ? "" : $"地点：{d.Address}。\n")}{d.Description}");
        var reason =
            d.Jurisdiction == DisputeJurisdiction.NotPolice ? "经分流研判，该纠纷不属于公安机关管辖，依照警调衔接机制移交处理。" : "";
        var steps = d
            .Events.Where(e => e.Kind is DisputeEventKind.MediationStarted or DisputeEventKind.Escalated or DisputeEventKind.AttemptFailed)
            .OrderBy(e => e.At)
            .Select(e =>
                $"{e.At.ToOffset(DisputeTimeLimits.ChinaOffset):yyyy-MM-dd} {(e.Kind == DisputeEventKind.AttemptFailed ? "调解未成" : "开展调解")}"
                + $"（{e.ToLevel?.Label()}）{(e.Reason is null ? "" : "：" + e.Reason)}"
            )
            .ToList();
        return new ReferralDraft(facts, reason, steps.Count == 0 ? null : Fit(string.Join("\n", steps)), d.Version);
    }

    public async Task<Referral> CreateAsync(Guid disputeId, ReferralInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var form = new Referral.Form(
            input.ReceiverKind,
            input.ReceiverOrganization,
            input.ContactName,
            input.Facts,
            input.Reason,
            input.WorkDone,
            input.Materials
        );
        var phone = CheckPhone(form, input.ContactPhone);
        var d = await ScopedDisputeAsync(disputeId, tracked: true, ct);
        Concurrency.Expect(db, d, input.Version);
        var now = db.Now;
        var protectedPhone = phone is null ? ProtectedText.Empty : protector.Protect(phone, PhoneNumber.Mask);
        var referral = d.ReferWithForm(form, protectedPhone, Me, now, Calendar);
        db.Referrals.Add(referral);
        var red = await DisputeRiskGrader.GradeAsync(db, d, Me, DisputeAction.Refer.Label(), ct);
        Touch(d);
        await db.SaveChangesAsync(ct);
        await NotifyIfRedAsync(d, red, ct);
        return referral;
    }

    /// <summary>Creates a referral for the generic "refer" step, which names only the receiver: kept working
    /// so older clients still refer, and every referral still has a form to acknowledge and answer.</summary>
    internal static Referral ReferFromStep(Dispute d, string? receiver, string? reason, string by, DateTimeOffset at)
    {
        new Checks().Required("receiver", receiver, "接收单位", TextLimits.Title).ThrowIfAny();
        var form = new Referral.Form(
            ReferralReceiverKind.OtherDepartment,
            receiver,
            null,
            Fit(d.Description),
            Checks.Clean(reason) ?? "依照警调衔接机制移交处理",
            null,
            null
        );
        return d.ReferWithForm(form, ProtectedText.Empty, by, at, Calendar);
    }

    public async Task<Referral> AcknowledgeAsync(
        Guid disputeId,
        Guid referralId,
        ReferralAcknowledgeInput input,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.DisputesMediate);
        var (d, r) = await LoadForWriteAsync(disputeId, referralId, ct);
        Concurrency.Expect(db, d, input.Version);
        d.AcknowledgeReferral(r, ReferralChannel.Staff, Me, input.ReceiverName ?? "", Me, db.Now);
        var red = await DisputeRiskGrader.GradeAsync(db, d, Me, DisputeAction.AcknowledgeReferral.Label(), ct);
        Touch(d);
        await db.SaveChangesAsync(ct);
        await NotifyIfRedAsync(d, red, ct);
        return r;
    }

    public async Task<Referral> RecordResultAsync(
        Guid disputeId,
        Guid referralId,
        ReferralResultInput input,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.DisputesMediate);
        var (d, r) = await LoadForWriteAsync(disputeId, referralId, ct);
        Concurrency.Expect(db, d, input.Version);
        ApplyResult(d, r, input, ReferralChannel.Staff, Me, Me);
        var red = await DisputeRiskGrader.GradeAsync(db, d, Me, DisputeAction.RecordReferralResult.Label(), ct);
        Touch(d);
        await db.SaveChangesAsync(ct);
        await NotifyResultAsync(d, r, ct);
        await NotifyIfRedAsync(d, red, ct);
        return r;
    }

    /// <summary>Issues a new one-time link for the receiver (the old one stops working) and returns its token once.</summary>
    public async Task<ReferralLink> IssueLinkAsync(Guid disputeId, Guid referralId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var (d, r) = await LoadForWriteAsync(disputeId, referralId, ct);
        var token = Base64UrlToken(RandomNumberGenerator.GetBytes(32));
        var now = db.Now;
        r.IssueLink(HashToken(token), now, now + LinkLifetime);
        db.Audit(
            Audit.AuditAction.LinkIssued,
            nameof(Referral),
            r.Id.ToString(),
            $"为纠纷 {d.Number} 签发移交链接，接收单位：{r.ReceiverOrganization}，"
                + $"有效期至 {r.LinkExpiresAt!.Value.ToOffset(DisputeTimeLimits.ChinaOffset):yyyy-MM-dd HH:mm}"
        );
        await db.SaveChangesAsync(ct);
        return new ReferralLink(token, r.LinkExpiresAt.Value);
    }

    public async Task<ReferralDocument> DocumentAsync(Guid disputeId, Guid referralId, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var d = await ScopedDisputeAsync(disputeId, tracked: false, ct);
        var r = await db.Referrals.AsNoTracking().FirstOrDefaultAsync(x => x.Id == referralId && x.DisputeId == disputeId, ct)
            ?? throw new NotFoundException();
        var category = await db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == "dispute-category" && i.Code == d.CategoryCode)
            .Select(i => i.Name)
            .FirstOrDefaultAsync(ct);
        var referrer = await db.Users.AsNoTracking().Where(u => u.Id == r.ReferredById).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new ReferralDocument(
            ReferralView.From(r, db.Now),
            d.Number,
            d.Title,
            category,
            d.OrgUnit?.Name,
            await StationNameAsync(d.OrgUnitId, ct),
            referrer ?? ""
        );
    }

    // ---- the receiver, through the link (no account) ----

    /// <summary>The form behind a link. An unknown, expired or used link is the same 404.</summary>
    public async Task<PublicReferralView> GetByTokenAsync(string? token, CancellationToken ct = default)
    {
        var r = await ByTokenAsync(token, tracked: false, ct);
        var d = await db.Disputes.AsNoTracking().FirstAsync(x => x.Id == r.DisputeId, ct);
        return new PublicReferralView(
            d.Number,
            await StationNameAsync(d.OrgUnitId, ct),
            r.ReceiverKind.Label(),
            r.ReceiverOrganization,
            r.ContactName,
            r.ContactPhoneMasked,
            Redact(r.Facts),
            Redact(r.Reason),
            RedactOptional(r.WorkDone),
            RedactOptional(r.Materials),
            r.ReferredAt,
            r.AcknowledgeDueAt,
            r.AcknowledgedAt,
            r.AcknowledgedByName,
            r.LinkExpiresAt!.Value
        );
    }

    public async Task AcknowledgeByTokenAsync(string? token, string? receiverName, CancellationToken ct = default)
    {
        var r = await ByTokenAsync(token, tracked: true, ct);
        var name = Referral.CheckedName(receiverName);
        var d = await db.Disputes.FirstAsync(x => x.Id == r.DisputeId, ct);
        db.ActorName = ReceiverActor(r, name);
        d.AcknowledgeReferral(r, ReferralChannel.Link, null, name, LinkActor, db.Now);
        var red = await DisputeRiskGrader.GradeAsync(db, d, LinkActor, DisputeAction.AcknowledgeReferral.Label(), ct);
        Touch(d);
        db.Audit(
            Audit.AuditAction.ReceiverReply,
            nameof(Referral),
            r.Id.ToString(),
            $"{r.ReceiverOrganization} {name} 经移交链接签收纠纷 {d.Number}"
        );
        await db.SaveChangesAsync(ct);
        await notifications.SendAsync(
            r.ReferredById,
            $"移交已签收：{d.Title}",
            $"{r.ReceiverOrganization} {name} 已签收纠纷 {d.Number}。",
            $"/disputes/{d.Id}",
            "info",
            ct: ct
        );
        await NotifyIfRedAsync(d, red, ct);
    }

    public async Task RecordResultByTokenAsync(string? token, ReferralResultInput input, CancellationToken ct = default)
    {
        var r = await ByTokenAsync(token, tracked: true, ct);
        var name = Referral.CheckedName(input.ReceiverName);
        var d = await db.Disputes.FirstAsync(x => x.Id == r.DisputeId, ct);
        db.ActorName = ReceiverActor(r, name);
        ApplyResult(d, r, input, ReferralChannel.Link, null, LinkActor);
        var red = await DisputeRiskGrader.GradeAsync(db, d, LinkActor, DisputeAction.RecordReferralResult.Label(), ct);
        Touch(d);
        db.Audit(
            Audit.AuditAction.ReceiverReply,
            nameof(Referral),
            r.Id.ToString(),
            $"{r.ReceiverOrganization} {name} 经移交链接反馈纠纷 {d.Number} 的处理结果：{r.Outcome!.Value.Label()}"
        );
        await db.SaveChangesAsync(ct);
        await NotifyResultAsync(d, r, ct);
        await NotifyIfRedAsync(d, red, ct);
    }

    /// <summary>Only the SHA-256 of a token is stored; lookups hash what was presented.</summary>
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    // ---- helpers ----

    private string Me => user.UserId ?? "system";

    private void ApplyResult(Dispute d, Referral r, ReferralResultInput input, ReferralChannel via, string? staffId, string by)
    {
        var now = db.Now;
        d.RecordReferralResult(r, input.Outcome, input.ResultText, via, staffId, input.ReceiverName ?? "", by, now);
        if (d.Status == DisputeStatus.Resolved)
            foreach (var days in options.Value.FollowUpDays)
                d.ScheduleFollowUp(now.AddDays(days), by, now);
    }

    /// <summary>The result goes to whoever referred it, and to the registrant if that is someone else.</summary>
    private async Task NotifyResultAsync(Dispute d, Referral r, CancellationToken ct)
    {
        var back = d.Status == DisputeStatus.Resolved ? "纠纷已登记为化解，已安排回访。" : "纠纷已退回本所，请重新分流处理。";
        foreach (var to in new[] { r.ReferredById, d.RegisteredById }.Distinct())
        {
            if (!await db.Users.AnyAsync(u => u.Id == to, ct))
                continue;
            await notifications.SendAsync(
                to,
                $"移交结果：{d.Title}",
                $"{r.ReceiverOrganization}反馈纠纷 {d.Number}：{r.Outcome!.Value.Label()}。{back}",
                $"/disputes/{d.Id}",
                d.Status == DisputeStatus.Resolved ? "success" : "warning",
                ct: ct
            );
        }
    }

    private static string ReceiverActor(Referral r, string name)
    {
        var actor = $"{name}（{r.ReceiverOrganization}，经移交链接）";
        return actor.Length > 100 ? actor[..100] : actor;
    }

    private async Task<Referral> ByTokenAsync(string? token, bool tracked, CancellationToken ct)
    {
        if (token is not { Length: 43 } || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new NotFoundException(LinkGone);
        var hash = HashToken(token);
        var now = db.Now;
        var q = tracked ? db.Referrals : db.Referrals.AsNoTracking();
        var r = await q.FirstOrDefaultAsync(x => x.LinkTokenHash == hash, ct);
        if (r is null || !r.LinkWorks(now))
            throw new NotFoundException(LinkGone);
        return r;
    }

    private const string LinkGone = "链接无效、已过期或已使用";

    private async Task<(Dispute, Referral)> LoadForWriteAsync(Guid disputeId, Guid referralId, CancellationToken ct)
    {
        var d = await ScopedDisputeAsync(disputeId, tracked: true, ct);
        var r = await db.Referrals.FirstOrDefaultAsync(x => x.Id == referralId && x.DisputeId == disputeId, ct)
            ?? throw new NotFoundException();
        return (d, r);
    }

    private async Task<Dispute> ScopedDisputeAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var scope = await user.RecordScopeAsync(ct);
        var q = db.Disputes.Where(scope.Filter<Dispute>()).Include(x => x.OrgUnit);
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
    }

    /// <summary>The station (派出所) above a unit, for the heading of the form.</summary>
    private async Task<string?> StationNameAsync(Guid unitId, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (path is null)
            return null;
        var ids = OrgUnit.ChainOf(path);
        ids.Add(unitId);
        return await db
            .OrgUnits.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.Kind == OrgUnitKind.Station)
            .Select(u => u.Name)
            .FirstOrDefaultAsync(ct);
    }

    private static string? CheckPhone(Referral.Form form, string? phone)
    {
        var checks = new Checks();
        string? normalized = null;
        if (Checks.Clean(phone) is { } p)
        {
            var parsed = PhoneNumber.Parse(p);
            if (!parsed.IsValid)
                checks.Add("contactPhone", parsed.Error ?? "联系电话无效");
            else
                normalized = parsed.Normalized;
        }
        try
        {
            Referral.Validate(form);
        }
        catch (ValidationFailedException v)
        {
            foreach (var (field, messages) in v.Errors)
            foreach (var m in messages)
                checks.Add(field, m);
        }
        checks.ThrowIfAny();
        return normalized;
    }

    private async Task NotifyIfRedAsync(Dispute d, bool red, CancellationToken ct)
    {
        if (red)
            await DisputeRiskGrader.NotifyRedAsync(db, notifications, d, ct);
    }

    // Owned rows changing must still count as a change of the dispute for the version check.
    private void Touch(Dispute d) => db.Entry(d).Property(x => x.UpdatedAt).IsModified = true;

    private static readonly Regex IdNumbers = new(
        @"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])",
        RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200)
    );

    private static readonly Regex Mobiles = new(
        @"(?<![0-9])1[3-9][0-9]{9}(?![0-9])",
        RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200)
    );

    /// <summary>ID numbers and mobile numbers typed into the form text are masked before it leaves the station.</summary>
    public static string Redact(string text) =>
        Mobiles.Replace(IdNumbers.Replace(text, m => m.Value[..3] + new string('*', 11) + m.Value[^4..]), m => PhoneNumber.Mask(m.Value));

    private static string? RedactOptional(string? text) => text is null ? null : Redact(text);

    private static string Base64UrlToken(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Fit(string text) => text.Length > TextLimits.Text ? text[..TextLimits.Text] : text;
}
