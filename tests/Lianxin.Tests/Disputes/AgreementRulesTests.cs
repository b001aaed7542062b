using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class AgreementRulesTests
{
    // Mediation reached agreement on the morning of 2024-03-04 (T0 + 3 h, China time).
    private static readonly DateTimeOffset Now = T0.AddHours(3);
    private static readonly DateOnly Today = new(2024, 3, 4);
    private static readonly DateOnly Deadline = new(2024, 3, 20);

    private static AgreementPartyDraft Person(string name, PartyRole role = PartyRole.Applicant) =>
        new(role, name, null, Gender.Male, 45, "双堰村三组 12 号", ProtectedText.Empty, null);

    private static AgreementTerms Terms(params AgreementPartyDraft[] parties) =>
        new(
            parties.Length > 0 ? parties : [Person("龚某"), Person("程某", PartyRole.Respondent)],
            "程某家的鸡多次进入龚某菜地啄食菜苗，双方争吵。",
            "程某未圈养鸡只，应负主要责任。",
            "程某赔偿菜苗损失 200 元，今后圈养鸡只。",
            "现金当面支付",
            Deadline,
            ["李调解"]
        );

    private static (Dispute Dispute, MediationAgreement Agreement) Drafted(Stage stage = Stage.Level3)
    {
        var d = At(stage);
        return (d, MediationAgreement.Draft(d, 1, Terms(), Officer, Now));
    }

    [Fact]
    public void An_agreement_needs_at_least_two_parties_and_nothing_is_made_otherwise()
    {
        var d = At(Stage.Level3);
        var none = Assert.Throws<ValidationFailedException>(() =>
            MediationAgreement.Draft(d, 1, Terms() with { Parties = [] }, Officer, Now)
        );
        Assert.Contains("至少须有两方当事人", none.Errors["parties"][0]);
        var one = Assert.Throws<ValidationFailedException>(() => MediationAgreement.Draft(d, 1, Terms(Person("龚某")), Officer, Now));
        Assert.True(one.Errors.ContainsKey("parties"));
        Assert.Single(d.Events, e => e.Kind == DisputeEventKind.MediationStarted);
        Assert.DoesNotContain(d.Events, e => e.Kind == DisputeEventKind.AgreementSigned);
    }

    [Fact]
    public void A_person_and_an_organisation_are_two_parties()
    {
        var d = At(Stage.Level3);
        var company = new AgreementPartyDraft(PartyRole.Respondent, "王经理", "某物业公司", null, null, null, ProtectedText.Empty, null);
        var a = MediationAgreement.Draft(d, 1, Terms(Person("龚某"), company), Officer, Now);
        Assert.True(a.Parties[1].IsOrganization);
        Assert.Equal("王经理", a.Parties[1].Name);
    }

    [Fact]
    public void Every_content_the_law_asks_for_is_required_and_bounded()
    {
        var d = At(Stage.Level3);
        var empty = new AgreementTerms(
            [Person("龚某"), new AgreementPartyDraft(null, " ", null, null, 200, null, ProtectedText.Empty, null)],
            "",
            null,
            " ",
            null,
            null,
            []
        );
        var e = Assert.Throws<ValidationFailedException>(() => MediationAgreement.Draft(d, 1, empty, Officer, Now));
        foreach (
            var field in new[]
            {
                "facts",
                "responsibilities",
                "agreedContent",
                "performanceMethod",
                "performanceDeadline",
                "mediators",
                "parties[1].role",
                "parties[1].name",
                "parties[1].age",
            }
        )
            Assert.True(e.Errors.ContainsKey(field), $"missing error for {field}");

        var tooLong = Terms() with { AgreedContent = new string('约', TextLimits.Text + 1) };
        Assert.True(
            Assert
                .Throws<ValidationFailedException>(() => MediationAgreement.Draft(d, 1, tooLong, Officer, Now))
                .Errors.ContainsKey("agreedContent")
        );
        var past = Terms() with { PerformanceDeadline = Today.AddDays(-1) };
        Assert.True(
            Assert
                .Throws<ValidationFailedException>(() => MediationAgreement.Draft(d, 1, past, Officer, Now))
                .Errors.ContainsKey("performanceDeadline")
        );
    }

    [Theory]
    [InlineData(Stage.Registered)]
    [InlineData(Stage.Triaged)]
    [InlineData(Stage.Referred)]
    [InlineData(Stage.Closed)]
    public void An_agreement_is_made_only_while_mediating_or_resolved(Stage stage)
    {
        var d = At(stage);
        Assert.Throws<ConflictException>(() => MediationAgreement.Draft(d, 1, Terms(), Officer, Now));
    }

    [Fact]
    public void Signing_takes_effect_starts_the_judicial_window_and_leaves_resolving_to_its_own_step()
    {
        var (d, a) = Drafted();
        a.Revise(d, Terms() with { AgreedContent = "程某赔偿 300 元" }, Now);
        a.Sign(d, Today, judicialChosen: true, Officer, Now);
        Assert.Equal(AgreementStatus.Signed, a.Status);
        Assert.Equal(Today.AddDays(30), a.JudicialDeadline);
        Assert.Equal(DisputeStatus.Mediating, d.Status);
        var signed = Assert.Single(d.Events, e => e.Kind == DisputeEventKind.AgreementSigned);
        Assert.Equal(DisputeStatus.Mediating, signed.ToStatus);
        Assert.Contains("司法确认", signed.Reason);

        Assert.Throws<ConflictException>(() => a.Revise(d, Terms(), Now));
        Assert.Throws<ConflictException>(() => a.Sign(d, Today, false, Officer, Now));
        Assert.False(a.CanBeSucceededIn(d));
        d.Resolve(Officer, Now.AddHours(1), "签订调解协议");
        Assert.Equal(DisputeStatus.Resolved, d.Status);
    }

    [Fact]
    public void Signing_on_a_future_day_is_refused()
    {
        var (d, a) = Drafted();
        Assert.True(
            Assert.Throws<ValidationFailedException>(() => a.Sign(d, Today.AddDays(1), false, Officer, Now)).Errors.ContainsKey("signedOn")
        );
        Assert.Equal(AgreementStatus.Draft, a.Status);
    }

    [Fact]
    public void Reminder_comes_three_days_before_the_deadline_and_the_deadline_ends_with_its_day()
    {
        var (d, a) = Drafted();
        a.Sign(d, Today, false, Officer, Now);
        var endOfDeadline = new DateTimeOffset(2024, 3, 21, 0, 0, 0, China);
        Assert.Equal(endOfDeadline, a.PerformanceDueAt);
        Assert.False(a.PerformanceReminderDue(endOfDeadline.AddDays(-3).AddMinutes(-1)));
        Assert.True(a.PerformanceReminderDue(endOfDeadline.AddDays(-3)));
        Assert.True(a.PerformanceReminderDue(endOfDeadline.AddMinutes(-1)));
        Assert.False(a.IsOverdue(endOfDeadline.AddMinutes(-1)));
        Assert.True(a.IsOverdue(endOfDeadline));
        Assert.False(a.PerformanceReminderDue(endOfDeadline));

        a.MarkPerformanceReminderSent(endOfDeadline.AddDays(-2));
        Assert.False(a.PerformanceReminderDue(endOfDeadline.AddDays(-1)));
    }

    [Fact]
    public void A_missed_deadline_marks_the_agreement_and_reopens_a_resolved_dispute_with_the_reason()
    {
        var (d, a) = Drafted();
        a.Sign(d, Today, false, Officer, Now);
        d.Resolve(Officer, Now.AddHours(1), "签订调解协议");
        var visits = d.FollowUps.Count;
        var late = a.PerformanceDueAt.AddHours(1);

        a.MarkMissed(d, "system", late);

        Assert.Equal(AgreementStatus.Missed, a.Status);
        Assert.Equal(DisputeStatus.Triaged, d.Status);
        Assert.Equal(1, d.ReopenCount);
        var reopened = Assert.Single(d.Events, e => e.Kind == DisputeEventKind.Reopened);
        Assert.Contains("逾期未履行", reopened.Reason);
        Assert.Equal(DisputeEventKind.Reopened, d.Events[^1].Kind);
        Assert.Equal(visits, d.FollowUps.Count);
        Assert.True(a.CanBeSucceededIn(d));
        Assert.Throws<ConflictException>(() => a.RecordPerformance(d, true, Today.AddDays(20), null, Officer, late));

        // Mediation starts again, and a second agreement can be drafted.
        d.StartMediation(MediationLevel.PoliceOffice, Officer, late.AddHours(1));
        var second = MediationAgreement.Draft(
            d,
            2,
            Terms() with
            {
                PerformanceDeadline = MediationAgreement.ChinaDay(late).AddDays(10),
            },
            Officer,
            late.AddHours(2)
        );
        Assert.Equal(2, second.Sequence);
        Assert.EndsWith("-XY2", second.Number);
    }

    [Fact]
    public void A_missed_deadline_while_still_mediating_is_noted_without_reopening()
    {
        var (d, a) = Drafted();
        a.Sign(d, Today, false, Officer, Now);
        a.RecordPerformance(d, false, Today.AddDays(1), "已付 100 元", Officer, Now.AddDays(1));
        Assert.Equal(AgreementStatus.PartlyPerformed, a.Status);
        a.MarkMissed(d, "system", a.PerformanceDueAt);
        Assert.Equal(AgreementStatus.Missed, a.Status);
        Assert.Equal(DisputeStatus.Mediating, d.Status);
        Assert.Equal(DisputeEventKind.AgreementMissed, d.Events[^1].Kind);
        Assert.Contains("未全部履行", d.Events[^1].Reason);
        Assert.Equal(0, d.ReopenCount);
    }

    [Fact]
    public void Performance_is_recorded_in_full_or_in_part_with_what_is_missing()
    {
        var (d, a) = Drafted();
        Assert.Throws<ConflictException>(() => a.RecordPerformance(d, true, Today, null, Officer, Now));
        a.Sign(d, Today, false, Officer, Now);
        Assert.True(
            Assert
                .Throws<ValidationFailedException>(() => a.RecordPerformance(d, false, Today, " ", Officer, Now))
                .Errors.ContainsKey("note")
        );
        a.RecordPerformance(d, true, Today, "当面付清", Officer, Now);
        Assert.Equal(AgreementStatus.Performed, a.Status);
        Assert.False(a.IsOverdue(a.PerformanceDueAt.AddDays(1)));
        Assert.Contains(d.Events, e => e.Kind == DisputeEventKind.AgreementPerformed && e.Reason!.Contains("当面付清"));
    }

    [Fact]
    public void Judicial_confirmation_is_applied_for_within_thirty_days_and_reminded_five_days_before()
    {
        var (d, a) = Drafted();
        a.Sign(d, Today, judicialChosen: true, Officer, Now);
        var windowEnd = new DateTimeOffset(2024, 4, 4, 0, 0, 0, China); // signed 4 March: 3 April is the last of the 30 days
        Assert.Equal(new DateOnly(2024, 4, 3), a.JudicialDeadline);
        Assert.Equal(windowEnd, a.JudicialDueAt);
        Assert.False(a.JudicialReminderDue(windowEnd.AddDays(-5).AddMinutes(-1)));
        Assert.True(a.JudicialReminderDue(windowEnd.AddDays(-5)));
        Assert.False(a.JudicialReminderDue(windowEnd));

        var late = windowEnd.AddDays(1);
        var e = Assert.Throws<ValidationFailedException>(() =>
            a.RecordJudicial(d, true, new DateOnly(2024, 4, 4), "某县人民法院", null, null, Officer, late)
        );
        Assert.Contains("30 日内", e.Errors["appliedOn"][0]);

        a.RecordJudicial(d, true, new DateOnly(2024, 3, 10), "某县人民法院", null, null, Officer, Now.AddDays(6));
        Assert.False(a.JudicialReminderDue(windowEnd.AddDays(-2)));
        Assert.True(
            Assert
                .Throws<ValidationFailedException>(() =>
                    a.RecordJudicial(d, true, new DateOnly(2024, 3, 10), null, JudicialResult.Confirmed, null, Officer, Now.AddDays(7))
                )
                .Errors.ContainsKey("decidedOn")
        );
        a.RecordJudicial(
            d,
            true,
            new DateOnly(2024, 3, 10),
            "某县人民法院",
            JudicialResult.Confirmed,
            new DateOnly(2024, 3, 15),
            Officer,
            Now.AddDays(12)
        );
        Assert.Equal(JudicialResult.Confirmed, a.JudicialResult);
        Assert.Equal(3, d.Events.Count(ev => ev.Kind is DisputeEventKind.JudicialConfirmation or DisputeEventKind.AgreementSigned));
    }

    [Fact]
    public void Without_the_parties_choosing_it_there_is_no_judicial_reminder_and_no_application()
    {
        var (d, a) = Drafted();
        a.Sign(d, Today, judicialChosen: false, Officer, Now);
        Assert.False(a.JudicialReminderDue(a.JudicialDueAt!.Value.AddDays(-1)));
        Assert.Throws<ValidationFailedException>(() => a.RecordJudicial(d, false, Today, null, null, null, Officer, Now));
    }
}
