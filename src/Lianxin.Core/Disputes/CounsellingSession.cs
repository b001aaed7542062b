using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

/// <summary>A psychological counselling session (心理疏导) joined to mediation, for a dispute, a
/// resident, or both. Its place in the tree (for scope) is the dispute's unit, else the resident's.
/// The notes are sensitive: held encrypted, shown only to those who mediate.</summary>
public sealed class CounsellingSession : Entity, IScoped
{
    public static readonly TimeSpan Slack = TimeSpan.FromMinutes(10);

    public Guid? DisputeId { get; private set; }
    public Guid? ResidentId { get; private set; }
    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }
    public Guid? CounsellorMemberId { get; private set; }
    public string CounsellorName { get; private set; } = "";
    public string? CounsellorOrganization { get; private set; }
    public DateTimeOffset At { get; private set; }
    public CounsellingMethod Method { get; private set; }
    public byte[] SummaryCipher { get; private set; } = [];
    public bool NeedsMore { get; private set; }
    public DateTimeOffset? NextAt { get; private set; }

    private CounsellingSession() { }

    /// <summary>Checks the form; the caller then encrypts the summary and calls <see cref="Create"/>.</summary>
    public static void Validate(CounsellingForm form, DateTimeOffset now)
    {
        var c = new Checks()
            .Required("counsellorName", form.CounsellorName, "疏导人员姓名", TextLimits.Name)
            .Optional("counsellorOrganization", form.CounsellorOrganization, "疏导人员所在单位", TextLimits.Title)
            .Required("summary", form.Summary, "疏导情况", TextLimits.Text);
        if (form.DisputeId is null && form.ResidentId is null)
            c.Add("disputeId", "请关联一起纠纷或一位群众（至少一项）");
        if (form.Method is not { } method || !Enum.IsDefined(method))
            c.Add("method", "请选择疏导方式（面谈、电话、上门或视频）");
        if (form.At is not { } at)
            c.Add("at", "请填写疏导时间");
        else if (at > now + Slack)
            c.Add("at", "疏导时间不能晚于现在");
        if (form.NeedsMore && form.NextAt is null)
            c.Add("nextAt", "需要继续疏导时请填写下次疏导时间");
        if (!form.NeedsMore && form.NextAt is not null)
            c.Add("nextAt", "不需要继续疏导时不应填写下次疏导时间");
        if (form.NeedsMore && form.NextAt is { } next && form.At is { } when && next <= when)
            c.Add("nextAt", "下次疏导时间须晚于本次");
        c.ThrowIfAny();
    }

    public static CounsellingSession Create(CounsellingForm form, Guid orgUnitId, byte[] summaryCipher, string by, DateTimeOffset now)
    {
        Validate(form, now);
        if (orgUnitId == Guid.Empty)
            throw new ValidationFailedException("orgUnitId", "无法确定疏导记录所属单位");
        var s = new CounsellingSession
        {
            DisputeId = form.DisputeId,
            ResidentId = form.ResidentId,
            OrgUnitId = orgUnitId,
            CreatedById = by,
        };
        s.Apply(form, summaryCipher);
        return s;
    }

    /// <summary>The dispute and resident it belongs to are fixed once recorded.</summary>
    public void Update(CounsellingForm form, byte[] summaryCipher, DateTimeOffset now)
    {
        if ((form.DisputeId is not null && form.DisputeId != DisputeId) || (form.ResidentId is not null && form.ResidentId != ResidentId))
            throw new ValidationFailedException("disputeId", "疏导记录关联的纠纷和群众登记后不能更改");
        Validate(form with { DisputeId = DisputeId, ResidentId = ResidentId }, now);
        Apply(form, summaryCipher);
    }

    private void Apply(CounsellingForm form, byte[] summaryCipher)
    {
        CounsellorMemberId = form.CounsellorMemberId;
        CounsellorName = form.CounsellorName!.Trim();
        CounsellorOrganization = Checks.Clean(form.CounsellorOrganization);
        At = form.At!.Value;
        Method = form.Method!.Value;
        SummaryCipher = summaryCipher;
        NeedsMore = form.NeedsMore;
        NextAt = form.NeedsMore ? form.NextAt : null;
    }
}
