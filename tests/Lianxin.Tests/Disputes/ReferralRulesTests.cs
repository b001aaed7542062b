using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class ReferralRulesTests
{
    private static DateTimeOffset China(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DisputeTestData.China);

    [Theory]
    [InlineData(8, 10, 14)] // Friday morning: Mon, Tue, Wed → due at the end of Wednesday the 13th
    [InlineData(9, 15, 14)] // Saturday: the same three working days
    [InlineData(10, 23, 14)] // Sunday night
    [InlineData(11, 0, 15)] // Monday just after midnight: Tue, Wed, Thu
    [InlineData(13, 23, 19)] // Wednesday night: Thu, Fri, (weekend), Mon
    public void Acknowledgement_is_due_after_three_working_days_on_the_China_calendar(int day, int hour, int dueDay)
    {
        var due = WorkingDays.Default.DueAfter(China(2024, 3, day, hour), 3);
        Assert.Equal(China(2024, 3, dueDay), due);
    }

    [Fact]
    public void The_calendar_skips_public_holidays_and_counts_make_up_weekends()
    {
        var calendar = new WorkingDays
        {
            Holidays = new HashSet<DateOnly> { new(2024, 5, 1), new(2024, 5, 2), new(2024, 5, 3) },
            MakeUpWorkdays = new HashSet<DateOnly> { new(2024, 5, 11) },
        };
        // Referred Tuesday 30 April: 1–3 May are holidays, 4–5 a weekend; Mon 6, Tue 7, Wed 8.
        Assert.Equal(China(2024, 5, 9), calendar.DueAfter(China(2024, 4, 30, 9), 3));
        // Referred Thursday 9 May: Fri 10, Sat 11 (make-up day), Mon 13.
        Assert.Equal(China(2024, 5, 14), calendar.DueAfter(China(2024, 5, 9, 9), 3));
    }

    [Fact]
    public void A_UTC_time_late_in_the_evening_counts_from_the_China_date()
    {
        // 2024-03-08 17:00 UTC is Saturday 01:00 in China.
        var due = WorkingDays.Default.DueAfter(new DateTimeOffset(2024, 3, 8, 17, 0, 0, TimeSpan.Zero), 3);
        Assert.Equal(China(2024, 3, 14), due);
    }

    [Theory]
    [InlineData(null, "岔头镇司法所", "receiverKind")]
    [InlineData(ReferralReceiverKind.JudicialOffice, " ", "receiverOrganization")]
    [InlineData(null, null, "receiverOrganization")]
    public void A_referral_to_nobody_is_refused_and_changes_nothing(ReferralReceiverKind? kind, string? organization, string field)
    {
        var d = At(Stage.Triaged);
        var before = (d.Status, d.Events.Count, d.ReferredTo);
        var error = Assert.Throws<ValidationFailedException>(() =>
            d.ReferWithForm(ReferralForm(kind, organization), ProtectedText.Empty, Officer, T0.AddDays(1))
        );
        Assert.Contains(field, error.Errors.Keys);
        Assert.Equal(before, (d.Status, d.Events.Count, d.ReferredTo));
    }

    [Fact]
    public void Referring_with_a_form_refers_the_dispute_and_sets_the_due_date()
    {
        var d = At(Stage.Triaged);
        var at = China(2024, 3, 8, 10);
        var r = d.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, at);
        Assert.Equal(DisputeStatus.Referred, d.Status);
        Assert.Equal("岔头镇司法所", d.ReferredTo);
        Assert.Equal(DisputeEventKind.Referred, d.Events[^1].Kind);
        Assert.Equal("不属公安管辖", d.Events[^1].Reason);
        Assert.Equal(d.Id, r.DisputeId);
        Assert.Equal(China(2024, 3, 14), r.AcknowledgeDueAt);
        Assert.False(r.IsOverdue(China(2024, 3, 13, 23, 59)));
        Assert.True(r.IsOverdue(China(2024, 3, 14, 0, 1)));
    }

    [Fact]
    public void Another_department_reads_as_its_name_alone_and_a_kind_is_added_otherwise()
    {
        var d = At(Stage.Triaged);
        var r = d.ReferWithForm(
            ReferralForm(ReferralReceiverKind.CourtPreLitigation, "平山县人民法院"),
            ProtectedText.Empty,
            Officer,
            T0.AddDays(1)
        );
        Assert.Equal("平山县人民法院（法院诉前调解）", d.ReferredTo);
        Assert.Equal(ReferralReceiverKind.CourtPreLitigation, r.ReceiverKind);
    }

    [Fact]
    public void Acknowledged_and_resolved_the_dispute_ends_resolved_with_both_on_the_timeline()
    {
        var d = At(Stage.Triaged);
        var r = d.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, T0.AddDays(1));
        d.AcknowledgeReferral(r, ReferralChannel.Link, null, "王某", "referral-link", T0.AddDays(2));
        Assert.Equal(DisputeStatus.Referred, d.Status);
        Assert.Equal(DisputeEventKind.ReferralAcknowledged, d.Events[^1].Kind);
        Assert.Contains("王某", d.Events[^1].Reason);
        Assert.False(r.IsOverdue(T0.AddDays(30)));

        d.RecordReferralResult(
            r,
            ReferralOutcome.Resolved,
            "达成人民调解协议",
            ReferralChannel.Link,
            null,
            "王某",
            "referral-link",
            T0.AddDays(9)
        );
        Assert.Equal(DisputeStatus.Resolved, d.Status);
        Assert.Equal(T0.AddDays(9), d.EndedAt);
        Assert.Equal(DisputeEventKind.ReferralResultReported, d.Events[^1].Kind);
        Assert.Equal(DisputeStatus.Referred, d.Events[^1].FromStatus);
        Assert.Contains("已化解", d.Events[^1].Reason);
        Assert.Equal(ReferralOutcome.Resolved, r.Outcome);
        Assert.Null(r.LinkTokenHash);
        Assert.Contains(DisputeAction.ScheduleFollowUp, d.AllowedActions);
    }

    [Theory]
    [InlineData(ReferralOutcome.Returned)]
    [InlineData(ReferralOutcome.NotResolved)]
    public void Returned_or_not_resolved_hands_the_dispute_back_triaged_with_a_fresh_limit(ReferralOutcome outcome)
    {
        var d = At(Stage.Triaged);
        var r = d.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, T0.AddDays(1));
        var visit = d.ScheduleFollowUp(T0.AddDays(8), Officer, T0.AddDays(1));
        var back = T0.AddDays(20);
        d.RecordReferralResult(r, outcome, "当事人拒绝调解", ReferralChannel.Staff, Officer, "王某", Officer, back);
        Assert.Equal(DisputeStatus.Triaged, d.Status);
        Assert.Null(d.Level);
        Assert.Null(d.ReferredTo);
        Assert.Null(d.EndedAt);
        Assert.Equal(back, d.LimitStartedAt);
        Assert.Equal(DisputeJurisdiction.PoliceSimple, d.Jurisdiction);
        Assert.True(d.FollowUps.Single(f => f.Id == visit.Id).IsCancelled);
        Assert.Equal(back, r.AcknowledgedAt); // a result implies receipt
        Assert.Contains(DisputeAction.StartMediation, d.AllowedActions);
        Assert.Contains(DisputeAction.Refer, d.AllowedActions);
    }

    [Fact]
    public void Returning_needs_a_reason_and_a_result_needs_an_outcome_and_a_name()
    {
        var d = At(Stage.Triaged);
        var r = d.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, T0.AddDays(1));
        var events = d.Events.Count;
        var e1 = Assert.Throws<ValidationFailedException>(() =>
            d.RecordReferralResult(r, ReferralOutcome.Returned, " ", ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(2))
        );
        Assert.Contains("resultText", e1.Errors.Keys);
        var e2 = Assert.Throws<ValidationFailedException>(() =>
            d.RecordReferralResult(r, null, null, ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(2))
        );
        Assert.Contains("outcome", e2.Errors.Keys);
        var e3 = Assert.Throws<ValidationFailedException>(() =>
            d.RecordReferralResult(r, ReferralOutcome.Resolved, null, ReferralChannel.Staff, Officer, "", Officer, T0.AddDays(2))
        );
        Assert.Contains("receiverName", e3.Errors.Keys);
        Assert.Equal((DisputeStatus.Referred, events), (d.Status, d.Events.Count));
        Assert.False(r.HasResult);
    }

    [Fact]
    public void Acknowledging_twice_or_after_the_result_is_refused()
    {
        var d = At(Stage.Triaged);
        var r = d.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, T0.AddDays(1));
        d.AcknowledgeReferral(r, ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(2));
        Assert.Throws<ConflictException>(() => d.AcknowledgeReferral(r, ReferralChannel.Staff, Officer, "李某", Officer, T0.AddDays(3)));
        d.RecordReferralResult(r, ReferralOutcome.Resolved, null, ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(4));
        Assert.Throws<ConflictException>(() =>
            d.RecordReferralResult(r, ReferralOutcome.Returned, "再退回", ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(5))
        );
        Assert.Throws<ConflictException>(() => r.IssueLink("x", T0.AddDays(5), T0.AddDays(35)));
    }

    [Fact]
    public void A_referred_dispute_cannot_be_closed_before_the_result()
    {
        var d = At(Stage.Referred);
        var error = Assert.Throws<ConflictException>(() => d.Close(Officer, T0.AddDays(40)));
        Assert.Contains("登记移交结果", error.Message);
    }

    [Fact]
    public void Another_disputes_referral_is_not_this_ones()
    {
        var d = At(Stage.Referred);
        var other = At(Stage.Triaged);
        var foreign = other.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, T0.AddDays(1));
        Assert.Throws<NotFoundException>(() =>
            d.AcknowledgeReferral(foreign, ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(2))
        );
    }

    [Fact]
    public void A_late_result_is_flagged_a_month_after_acknowledgement()
    {
        var d = At(Stage.Triaged);
        var r = d.ReferWithForm(ReferralForm(), ProtectedText.Empty, Officer, T0.AddDays(1));
        d.AcknowledgeReferral(r, ReferralChannel.Staff, Officer, "王某", Officer, T0.AddDays(2));
        Assert.False(r.IsResultLate(T0.AddDays(31)));
        Assert.True(r.IsResultLate(T0.AddDays(33)));
    }

    [Fact]
    public void Identity_and_mobile_numbers_in_the_form_are_masked_for_the_receiver()
    {
        var text = ReferralService_Redact("申请人张某，身份证号130131198003150011，电话13800001234，座机0311-87654321");
        Assert.DoesNotContain("130131198003150011", text);
        Assert.DoesNotContain("13800001234", text);
        Assert.Contains("138****1234", text);
        Assert.Contains("130***********0011", text);
    }

    private static string ReferralService_Redact(string text) => ReferralService.Redact(text);
}
