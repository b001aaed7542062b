using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>What was dealt with at the place a look-back watches.</summary>
public enum LookBackCategory
{
    Gambling = 1, // 赌博
    Mining = 2,   // 非法采矿
    Other = 3,    // 其他违法活动
}

public enum LookBackTaskKind
{
    Patrol = 1,    // 巡逻
    SpotCheck = 2, // 抽查
}

public enum LookBackResult
{
    Normal = 1,      // 正常
    FoundAgain = 2,  // 发现反弹
}

/// <summary>回头看: after illegal activity at a place is dealt with, patrols and spot checks there for a
/// number of weeks, so it does not come back. Each week's task is assigned to someone and its result
/// recorded; a relapse tells the station leader at once.</summary>
public sealed class LookBackPlan : Entity, IScoped
{
    public Guid OrgUnitId { get; init; }
    public OrgUnit? OrgUnit { get; private set; }
    public string Address { get; init; } = "";
    public string? AddressKey { get; init; }
    public LookBackCategory Category { get; init; }

    /// <summary>The day the activity was dealt with (China date); the first task falls in the week after.</summary>
    public DateOnly DealtOn { get; init; }
    public int Weeks { get; init; }
    public string? Note { get; init; }
    public List<LookBackTask> Tasks { get; private set; } = [];

    /// <summary>Adds the task of one week; tasks are made only with their plan.</summary>
    public LookBackTask AddTask(int week, LookBackTaskKind kind, DateTimeOffset dueAt, string? assigneeId)
    {
        var task = new LookBackTask(Id, week, kind, dueAt, assigneeId);
        Tasks.Add(task);
        return task;
    }
}

/// <summary>One week's patrol or spot check of a look-back. It changes only through its methods, checked against
/// <see cref="LookBackTaskTransitions"/>: reassigned and reminded while pending, done once its result is in.</summary>
public sealed class LookBackTask
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public int Week { get; private set; }
    public LookBackTaskKind Kind { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string? AssigneeId { get; private set; }
    public LookBackResult? Result { get; private set; }
    public string? ResultNote { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }

    private LookBackTask() { }

    internal LookBackTask(Guid planId, int week, LookBackTaskKind kind, DateTimeOffset dueAt, string? assigneeId) =>
        (PlanId, Week, Kind, DueAt, AssigneeId) = (planId, week, kind, dueAt, assigneeId);

    public LookBackTaskState State => DoneAt is null ? LookBackTaskState.Pending : LookBackTaskState.Done;

    public IReadOnlyList<LookBackTaskAction> AllowedActions => LookBackTaskTransitions.Allowed(State);

    /// <summary>Hands the task to someone else; the new assignee is reminded afresh.</summary>
    public void Assign(string assigneeId)
    {
        Require(LookBackTaskAction.Assign);
        AssigneeId = assigneeId;
        RemindedAt = null;
    }

    /// <summary>Records what the patrol or check found; finding the activity again needs a note saying what.</summary>
    public void RecordResult(LookBackResult result, string? note, string? by, DateTimeOffset at)
    {
        Require(LookBackTaskAction.RecordResult);
        if (!Enum.IsDefined(result)) throw new ValidationFailedException("result", "请选择结果（正常或发现反弹）");
        if (result == LookBackResult.FoundAgain && string.IsNullOrWhiteSpace(note))
            throw new ValidationFailedException("note", "发现反弹时请写明情况");
        (Result, ResultNote, DoneAt, DoneById) = (result, note, at, by);
    }

    /// <summary>Records that the coming-due reminder went out, once per assignee.</summary>
    public void MarkReminded(DateTimeOffset at)
    {
        Require(LookBackTaskAction.Remind);
        RemindedAt = at;
    }

    private void Require(LookBackTaskAction action)
    {
        if (!LookBackTaskTransitions.IsAllowed(State, action))
            throw new ConflictException(LookBackTaskTransitions.RefusalMessage(State, action));
    }
}

public static class LookBackLabels
{
    public static string Label(this LookBackCategory c) => c switch
    {
        LookBackCategory.Gambling => "赌博",
        LookBackCategory.Mining => "非法采矿",
        LookBackCategory.Other => "其他违法活动",
        _ => c.ToString(),
    };

    public static string Label(this LookBackTaskKind k) => k switch
    {
        LookBackTaskKind.Patrol => "巡逻",
        LookBackTaskKind.SpotCheck => "抽查",
        _ => k.ToString(),
    };

    public static string Label(this LookBackResult r) => r switch
    {
        LookBackResult.Normal => "正常",
        LookBackResult.FoundAgain => "发现反弹",
        _ => r.ToString(),
    };
}

internal sealed class LookBackPlanConfiguration : IEntityTypeConfiguration<LookBackPlan>
{
    public void Configure(EntityTypeBuilder<LookBackPlan> b)
    {
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Note).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.OrgUnitId, x.DealtOn });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Tasks).AutoInclude();
    }
}

internal sealed class LookBackTaskConfiguration : IEntityTypeConfiguration<LookBackTask>
{
    public void Configure(EntityTypeBuilder<LookBackTask> b)
    {
        b.Property(x => x.AssigneeId).HasMaxLength(64);
        b.Property(x => x.DoneById).HasMaxLength(64);
        b.Property(x => x.ResultNote).HasMaxLength(TextLimits.Text);
        // The reminder sweep reads open tasks coming due.
        b.HasIndex(x => new { x.DoneAt, x.RemindedAt, x.DueAt });
    }
}

/// <summary>A command directive (指令) from above: what the county asked the station to look at that week.</summary>
public sealed class CommandDirective : Entity, IScoped
{
    public Guid OrgUnitId { get; init; }
    public OrgUnit? OrgUnit { get; init; }
    public string Number { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public string? Address { get; init; }
    public string? AddressKey { get; init; }
    public string? Category { get; init; }
    public string Content { get; init; } = "";
}

internal sealed class CommandDirectiveConfiguration : IEntityTypeConfiguration<CommandDirective>
{
    public void Configure(EntityTypeBuilder<CommandDirective> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Category).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Content).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.OrgUnitId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.IssuedOn });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
