using Benchmark.Core.Definitions;
using Benchmark.Core.Reminders;
using Benchmark.Core.Runtime;
using static Benchmark.Core.Tests.Reminders.ReminderScenario;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>Checklist items, deliverables, phases and indicator periods: reminded while pending, to the right side.</summary>
public sealed class ItemReminderTests
{
    // 'equipe' is due on Monday 15 March 2027: '+1d' fires on 16 March 08:00 Paris, '+7d' on 22 March 08:00 Paris.
    private static readonly DateTimeOffset EquipeOverdue = Utc("2027-03-16T07:00:00Z");
    private static readonly DateTimeOffset EquipeEscalated = Utc("2027-03-22T07:00:00Z");

    [Fact]
    public void Plan_WhenAChecklistItemIsDoneOrNotApplicable_ThenItsOwnerGetsNoOverdueReminder()
    {
        // Arrange
        var scenario = new ReminderScenario();
        scenario.Run(1, new TickItem(Chef, "equipe", null));
        scenario.Run(2, new MarkItemNotApplicable(Chef, "equipe", "Équipe déjà constituée"));

        // Act
        var due = scenario.Plan(EquipeOverdue, "checklist-retard");

        // Assert: the owner role (chef de projet) of the three enrolments still open, for 'equipe' only.
        Assert.Equal(["chef3@etab3.test", "chef4@etab4.test", "chef5@etab5.test"], due.Select(r => r.Recipient.Email).Order(StringComparer.Ordinal));
        Assert.All(due, r => Assert.Equal(ReminderTargetKind.Checklist, r.TargetKind));
        Assert.All(due, r => Assert.EndsWith("/equipe", r.TargetId, StringComparison.Ordinal));
        Assert.All(due, r => Assert.Equal("Constituer l'équipe projet", r.Model["title"]));
    }

    [Fact]
    public void Plan_WhenAnItemIsStillPendingSevenDaysLate_ThenTheGroupsConsultantIsToldOncePerEnrolment()
    {
        // Arrange
        var scenario = new ReminderScenario();
        scenario.Run(1, new TickItem(Chef, "equipe", null));

        // Act
        var early = scenario.Plan(EquipeEscalated.AddMinutes(-1), "checklist-escalade");
        var due = scenario.Plan(EquipeEscalated, "checklist-escalade");

        // Assert: consultant A for enrolments 2 and 3, consultant B for 4 and 5; nothing for the ticked one.
        Assert.Empty(early);
        Assert.Equal(4, due.Count);
        Assert.Equal(
            new HashSet<(string, Guid)>
            {
                (ConsultantA.Email, scenario.Enrolment(2).Id), (ConsultantA.Email, scenario.Enrolment(3).Id),
                (ConsultantB.Email, scenario.Enrolment(4).Id), (ConsultantB.Email, scenario.Enrolment(5).Id),
            },
            due.Select(r => (r.Recipient.Email, r.EnrolmentId!.Value)).ToHashSet());
        Assert.All(due, r => Assert.Equal("escalade-consultant", r.Template));
        Assert.All(due, r => Assert.Equal(("7", "after"), (r.Model["days"], r.Model["timing"])));
    }

    [Fact]
    public void Plan_WhenThePhaseOfAPendingItemIsClosed_ThenNobodyIsRemindedOfIt()
    {
        // Arrange: the consultant closed 'cadrage' for enrolment 1 although 'equipe' was never ticked.
        var scenario = new ReminderScenario();
        scenario.Run(1, new ClosePhase(Consultant, "cadrage"));

        // Act
        var due = scenario.Plan(EquipeOverdue, "checklist-retard");

        // Assert
        Assert.Equal(4, due.Count);
        Assert.DoesNotContain(due, r => r.EnrolmentId == scenario.Enrolment(1).Id);
    }

    [Fact]
    public void Plan_WhenARuleSaysAlways_ThenADoneItemIsRemindedToo()
    {
        // Arrange
        var scenario = new ReminderScenario();
        scenario.Run(1, new TickItem(Chef, "equipe", null));
        var always = Definition.Reminders.Single(r => r.Id == "checklist-retard") with { When = ReminderCondition.Always };
        var calendar = scenario.Calendar with { Definition = Definition with { Reminders = [always] } };

        // Act
        var due = ReminderPlanner.Plan(calendar, scenario.Snapshot(), EquipeOverdue);

        // Assert
        Assert.Equal(5, due.Count);
        Assert.Contains(due, r => r.EnrolmentId == scenario.Enrolment(1).Id && r.Model["status"] == "Done");
    }

    [Fact]
    public void Plan_WhenADeliverableWasSubmitted_ThenItsOwnerIsNotRemindedButTheEscalationWaitsForApproval()
    {
        // Arrange: 'note-de-cadrage' is due on 29 March; '-7d' fires on 22 March 07:00Z, '+7d' on 5 April 06:00Z.
        var scenario = new ReminderScenario();
        scenario.Run(1, new SubmitDeliverable(Chef, "note-de-cadrage", Pdf()));
        scenario.Run(2, new SubmitDeliverable(Chef, "note-de-cadrage", Pdf()));
        scenario.Run(2, new ApproveDeliverable(Ars, "note-de-cadrage", 1, null));

        // Act
        var ownerSide = scenario.Plan(Utc("2027-03-22T07:00:00Z"), "livrable-j-7");
        var escalation = scenario.Plan(Utc("2027-04-05T06:00:00Z"), "livrable-escalade");

        // Assert: the owner hears nothing once submitted; the consultant hears of 1 (awaiting the ARS) and 3 (missing).
        Assert.Equal(["chef3@etab3.test", "chef4@etab4.test", "chef5@etab5.test"], ownerSide.Select(r => r.Recipient.Email).Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { scenario.Enrolment(1).Id, scenario.Enrolment(3).Id }.Order(),
            escalation.Where(r => r.Recipient == ConsultantA).Select(r => r.EnrolmentId!.Value).Order());
        Assert.Equal("Submitted", escalation.Single(r => r.EnrolmentId == scenario.Enrolment(1).Id).Model["status"]);
    }

    [Fact]
    public void Plan_WhenAPhaseIsPastItsDeadline_ThenTheConsultantIsToldOfEveryEnrolmentNotClosed()
    {
        // Arrange: 'cadrage' is due on 1 May 2027; '+1d' fires on 2 May 08:00 Paris (06:00Z).
        var scenario = new ReminderScenario();
        scenario.Run(1, new ClosePhase(Consultant, "cadrage"));

        // Act
        var due = scenario.Plan(Utc("2027-05-02T06:00:00Z"), "phase-retard");

        // Assert
        Assert.Equal(4, due.Count);
        Assert.Equal(2, due.Count(r => r.Recipient == ConsultantA));
        Assert.All(due, r => Assert.Equal(ReminderTargetKind.Phase, r.TargetKind));
        Assert.All(due, r => Assert.Equal("samedi 1 mai 2027", r.Model["date"]));
    }

    [Fact]
    public void Plan_WhenABimonthlyPeriodEnds_ThenTeamsThatHaveNotReportedAreRemindedThreeDaysBefore()
    {
        // Arrange: March–April 2027 ends on 30 April; '-3d' fires on 27 April 08:00 Paris (06:00Z).
        var scenario = new ReminderScenario();
        var reported = scenario.Enrolments[0] with { ReportedIndicators = [new IndicatorReport("dms", "2027-B2")] };
        var snapshot = scenario.Snapshot() with { Enrolments = [reported, .. scenario.Enrolments.Skip(1)] };

        // Act
        var due = ReminderPlanner.Plan(scenario.Calendar, snapshot, Utc("2027-04-27T06:00:00Z")).Where(r => r.RuleId == "indicateurs").ToList();

        // Assert
        Assert.Equal(["chef2@etab2.test", "chef3@etab3.test", "chef4@etab4.test", "chef5@etab5.test"], due.Select(r => r.Recipient.Email).Order(StringComparer.Ordinal));
        Assert.All(due, r => Assert.Equal(ReminderTargetKind.Indicator, r.TargetKind));
        Assert.All(due, r => Assert.EndsWith("/2027-B2", r.TargetId, StringComparison.Ordinal));
        Assert.All(due, r => Assert.Equal("mars–avril 2027", r.Model["period_title"]));
        Assert.All(due, r => Assert.Equal("Durée moyenne de séjour", r.Model["indicators"]));
    }

    [Theory]
    [InlineData(IndicatorPeriod.Bimonth, "2027-06-15", "2027-B3", "2027-05-01", "2027-06-30")]
    [InlineData(IndicatorPeriod.Month, "2027-02-10", "2027-M02", "2027-02-01", "2027-02-28")]
    [InlineData(IndicatorPeriod.Quarter, "2027-11-30", "2027-Q4", "2027-10-01", "2027-12-31")]
    [InlineData(IndicatorPeriod.Semester, "2027-07-01", "2027-S2", "2027-07-01", "2027-12-31")]
    [InlineData(IndicatorPeriod.Year, "2028-02-29", "2028", "2028-01-01", "2028-12-31")]
    public void Containing_WhenGivenADay_ThenThePeriodIsCalendarAligned(IndicatorPeriod type, string day, string key, string start, string end)
    {
        // Act
        var period = IndicatorPeriods.Containing(type, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        // Assert
        Assert.Equal(key, period.Key);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), period.End);
    }

    private static Core.Domain.SubmissionContent Pdf() => new("note.pdf", "application/pdf", 1_024, new string('a', 64), "depots/note.pdf", null);
}
