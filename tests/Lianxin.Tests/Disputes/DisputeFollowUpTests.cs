using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class DisputeFollowUpTests
{
    private static readonly DateTimeOffset ResolvedAt = T0.AddDays(2);

    private static Dispute Resolved()
    {
        var d = At(Stage.Level3);
        d.Resolve(Officer, ResolvedAt, "签订调解协议");
        return d;
    }

    [Fact]
    public void Closing_without_any_follow_up_is_refused()
    {
        var d = Resolved();
        var error = Assert.Throws<ConflictException>(() => d.Close(Officer, ResolvedAt.AddDays(1)));
        Assert.Equal("结案前须至少完成一次回访，确认纠纷没有复发", error.Message);
        Assert.Equal(DisputeStatus.Resolved, d.Status);
    }

    [Fact]
    public void Closing_with_a_visit_still_outstanding_is_refused_even_if_another_was_made()
    {
        var d = Resolved();
        var week = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);
        d.ScheduleFollowUp(ResolvedAt.AddDays(30), Officer, ResolvedAt);
        d.RecordFollowUp(week.Id, FollowUpResult.Stable, Officer, ResolvedAt.AddDays(7), "两家来往正常");

        var error = Assert.Throws<ConflictException>(() => d.Close(Officer, ResolvedAt.AddDays(8)));
        Assert.Equal("还有 1 次回访未完成，完成回访后才能结案", error.Message);
        Assert.Equal(DisputeStatus.Resolved, d.Status);
    }

    [Fact]
    public void Closing_after_every_visit_found_it_stable()
    {
        var d = Resolved();
        var week = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);
        d.RecordFollowUp(week.Id, FollowUpResult.Stable, "auxiliary-1", ResolvedAt.AddDays(7), "电话回访，无异常");

        d.Close(Officer, ResolvedAt.AddDays(8), "回访稳定");

        Assert.Equal(DisputeStatus.Closed, d.Status);
        Assert.Equal(ResolvedAt.AddDays(8), d.ClosedAt);
        Assert.Equal(MediationLevel.PoliceOffice, d.Level);
        var visit = Assert.Single(d.FollowUps);
        Assert.Equal((FollowUpResult.Stable, "auxiliary-1", "电话回访，无异常"), (visit.Result!.Value, visit.DoneById, visit.Note));
    }

    [Fact]
    public void A_recurring_visit_reopens_the_dispute_and_cancels_the_visits_still_planned()
    {
        var d = Resolved();
        var week = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);
        var month = d.ScheduleFollowUp(ResolvedAt.AddDays(30), Officer, ResolvedAt);
        var at = ResolvedAt.AddDays(7);

        d.RecordFollowUp(week.Id, FollowUpResult.Recurring, Officer, at, "又因鸡进菜园争吵");

        Assert.Equal(DisputeStatus.Triaged, d.Status);
        Assert.Null(d.Level);
        Assert.Null(d.EndedAt);
        Assert.Equal(1, d.ReopenCount);
        Assert.Equal(at, d.LimitStartedAt);
        Assert.Equal(FollowUpResult.Recurring, week.Result);
        Assert.True(month.IsCancelled);
        var e = d.Events[^1];
        Assert.Equal(DisputeEventKind.Reopened, e.Kind);
        Assert.Equal((DisputeStatus.Resolved, MediationLevel.PoliceOffice), (e.FromStatus!.Value, e.FromLevel!.Value));
        Assert.Equal("回访发现复发：又因鸡进菜园争吵", e.Reason);
    }

    [Fact]
    public void After_a_recurrence_the_earlier_stable_visit_no_longer_counts_for_closing()
    {
        var d = Resolved();
        var first = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);
        d.RecordFollowUp(first.Id, FollowUpResult.Stable, Officer, ResolvedAt.AddDays(7));
        var second = d.ScheduleFollowUp(ResolvedAt.AddDays(30), Officer, ResolvedAt.AddDays(7));
        d.RecordFollowUp(second.Id, FollowUpResult.Recurring, Officer, ResolvedAt.AddDays(30));

        d.StartMediation(MediationLevel.PoliceOffice, Officer, ResolvedAt.AddDays(31));
        d.Resolve(Officer, ResolvedAt.AddDays(32), "再次调解成功");

        Assert.Throws<ConflictException>(() => d.Close(Officer, ResolvedAt.AddDays(33)));
        var third = d.ScheduleFollowUp(ResolvedAt.AddDays(40), Officer, ResolvedAt.AddDays(33));
        d.RecordFollowUp(third.Id, FollowUpResult.Stable, Officer, ResolvedAt.AddDays(40));
        d.Close(Officer, ResolvedAt.AddDays(41));
        Assert.Equal(DisputeStatus.Closed, d.Status);
    }

    [Fact]
    public void A_closed_dispute_reopens_on_recurrence()
    {
        var d = At(Stage.Closed);
        var at = T0.AddDays(60);

        d.Reopen("officer-2", at, "半年后再次报警");

        Assert.Equal(DisputeStatus.Triaged, d.Status);
        Assert.Null(d.ClosedAt);
        Assert.Equal(1, d.ReopenCount);
        Assert.Equal(DisputeJurisdiction.PoliceSimple, d.Jurisdiction);
        Assert.Equal(DisputeStatus.Closed, d.Events[^1].FromStatus);
    }

    [Fact]
    public void Reopening_needs_a_reason()
    {
        var d = At(Stage.Closed);
        Assert.Throws<ValidationFailedException>(() => d.Reopen(Officer, T0.AddDays(60), " "));
        Assert.Equal(DisputeStatus.Closed, d.Status);
    }

    [Fact]
    public void Reopening_a_failed_or_referred_dispute_clears_its_end_details()
    {
        var failed = At(Stage.Failed);
        failed.Reopen(Officer, T0.AddDays(5), "当事人又来所求助");
        Assert.Equal(OtherRoutes.None, failed.RoutesExplained);

        var referred = At(Stage.Referred);
        referred.Reopen(Officer, T0.AddDays(5), "司法所退回");
        Assert.Null(referred.ReferredTo);
    }

    [Fact]
    public void A_visit_is_recorded_once()
    {
        var d = Resolved();
        var visit = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);
        d.RecordFollowUp(visit.Id, FollowUpResult.Stable, Officer, ResolvedAt.AddDays(7));

        var error = Assert.Throws<ConflictException>(() =>
            d.RecordFollowUp(visit.Id, FollowUpResult.Recurring, Officer, ResolvedAt.AddDays(8))
        );
        Assert.Equal("这次回访已经登记过结果", error.Message);
        Assert.Equal(DisputeStatus.Resolved, d.Status);
        Assert.Equal(FollowUpResult.Stable, visit.Result);
    }

    [Fact]
    public void A_visit_cancelled_by_a_recurrence_cannot_be_recorded_later()
    {
        var d = Resolved();
        var week = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);
        var month = d.ScheduleFollowUp(ResolvedAt.AddDays(30), Officer, ResolvedAt);
        d.RecordFollowUp(week.Id, FollowUpResult.Recurring, Officer, ResolvedAt.AddDays(7));
        d.StartMediation(MediationLevel.Village, Officer, ResolvedAt.AddDays(8));
        d.Resolve(Officer, ResolvedAt.AddDays(9));

        var error = Assert.Throws<ConflictException>(() =>
            d.RecordFollowUp(month.Id, FollowUpResult.Stable, Officer, ResolvedAt.AddDays(30))
        );
        Assert.Equal("这次回访已因纠纷重启而取消", error.Message);
    }

    [Fact]
    public void Recording_an_unknown_visit_is_not_found()
    {
        var d = Resolved();
        Assert.Throws<NotFoundException>(() =>
            d.RecordFollowUp(Guid.CreateVersion7(), FollowUpResult.Stable, Officer, ResolvedAt.AddDays(1))
        );
    }

    [Fact]
    public void A_visit_cannot_be_due_before_the_dispute_ended()
    {
        var d = Resolved();
        var error = Assert.Throws<ValidationFailedException>(() => d.ScheduleFollowUp(ResolvedAt.AddDays(-1), Officer, ResolvedAt));
        Assert.Contains("dueAt", error.Errors.Keys);
        Assert.Empty(d.FollowUps);
    }

    [Fact]
    public void A_visit_past_its_due_date_and_not_made_is_overdue()
    {
        var d = Resolved();
        var visit = d.ScheduleFollowUp(ResolvedAt.AddDays(7), Officer, ResolvedAt);

        Assert.False(visit.IsOverdue(ResolvedAt.AddDays(7)));
        Assert.True(visit.IsOverdue(ResolvedAt.AddDays(7).AddTicks(1)));
        d.RecordFollowUp(visit.Id, FollowUpResult.Stable, Officer, ResolvedAt.AddDays(9));
        Assert.False(visit.IsOverdue(ResolvedAt.AddDays(10)));
    }
}
