using Benchmark.Core.Reminders;
using Microsoft.Extensions.Time.Testing;
using static Benchmark.Core.Tests.Reminders.ReminderScenario;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>Session reminders: the right local time, the right people, once each.</summary>
public sealed class SessionReminderTests
{
    [Fact]
    public void Plan_WhenSevenDaysBeforeASession_ThenItFiresAt0800ParisAndNotAMinuteEarlier()
    {
        // Arrange: SI1 of enrolment 1 is on Monday 15 March 2027 at 09:00 Paris; 8 March 08:00 Paris is 07:00Z.
        var scenario = new ReminderScenario();
        var session = scenario.IndividualSession(1);
        var clock = new FakeTimeProvider(Utc("2027-03-08T06:59:00Z"));

        // Act
        var before = scenario.Plan(clock.GetUtcNow(), "session-j-7").Where(r => r.TargetId == session.Id.ToString()).ToList();
        clock.Advance(TimeSpan.FromMinutes(1));
        var at = scenario.Plan(clock.GetUtcNow(), "session-j-7").Where(r => r.TargetId == session.Id.ToString()).ToList();

        // Assert: the chef de projet, the médecin référent and group A's consultant, once each.
        Assert.Empty(before);
        Assert.Equal(["chef1@etab1.test", "consultant-a@conseil.test", "medecin1@etab1.test"], at.Select(r => r.Recipient.Email).Order(StringComparer.Ordinal));
        Assert.All(at, r => Assert.Equal(Utc("2027-03-08T07:00:00Z"), r.DueAtUtc));
        Assert.All(at, r => Assert.Equal(new DateOnly(2027, 3, 8), r.Occurrence));
        Assert.All(at, r => Assert.Equal("rappel-session", r.Template));
        Assert.All(at, r => Assert.Equal(scenario.Enrolment(1).Id, r.EnrolmentId));
        Assert.Equal($"reminder:session-j-7:session:{session.Id}:2027-03-08:chef1@etab1.test", at.Single(r => r.Recipient.Email == "chef1@etab1.test").IdempotencyKey);
    }

    [Theory]
    [InlineData("2027-03-14T16:30:00Z", 2)]
    [InlineData("2027-03-15T07:59:00Z", 2)]
    [InlineData("2027-03-15T08:00:00Z", 0)]
    [InlineData("2027-03-15T08:01:00Z", 0)]
    public void Plan_WhenTheEveReminderWasMissedAndTheSweepRunsNearTheStart_ThenItGoesOutBeforeTheStartAndNeverAfter(string now, int expected)
    {
        // Arrange: SI1 of enrolment 1 starts Monday 15 March 2027 at 09:00 Paris (08:00Z); its eve reminder was due
        // Sunday at 17:30 (to its two participants) and the sweep did not run overnight (it still looks two days back).
        var scenario = new ReminderScenario();
        var session = scenario.IndividualSession(1);

        // Act
        var planned = scenario.Plan(Utc(now), "session-individuelle-j-1").Where(r => r.TargetId == session.Id.ToString()).ToList();

        // Assert
        Assert.Equal(expected, planned.Count);
    }

    [Theory]
    [InlineData("2027-04-01", "2027-03-25T07:00:00Z")]
    [InlineData("2027-04-05", "2027-03-29T06:00:00Z")]
    public void Plan_WhenTheReminderFallsEitherSideOfTheSpringChange_ThenItFiresAt0800Paris(string sessionDay, string expectedUtc)
    {
        // Arrange: the consultant moved SI1 to early April; the reminder falls before or after Sunday 28 March.
        var scenario = new ReminderScenario();
        var session = scenario.IndividualSession(1);
        Reschedule(session, DateOnly.Parse(sessionDay, System.Globalization.CultureInfo.InvariantCulture), new TimeOnly(9, 0));
        var expected = Utc(expectedUtc);

        // Act
        var early = scenario.Plan(expected.AddMinutes(-1), "session-j-7").Where(r => r.TargetId == session.Id.ToString());
        var due = scenario.Plan(expected, "session-j-7").Where(r => r.TargetId == session.Id.ToString()).ToList();

        // Assert
        Assert.Empty(early);
        Assert.Equal(3, due.Count);
        Assert.All(due, r => Assert.Equal(expected, r.DueAtUtc));
        Assert.All(due, r => Assert.Equal("08:00", Core.Scheduling.ParisTime.ToParis(r.DueAtUtc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Plan_WhenASessionWasRescheduled_ThenTheActualStartCountsNotThePlan()
    {
        // Arrange: SI1 of enrolment 1 moves from 15 to 22 March.
        var scenario = new ReminderScenario();
        var session = scenario.IndividualSession(1);
        Reschedule(session, new DateOnly(2027, 3, 22), new TimeOnly(14, 0));

        // Act
        var planned = scenario.Plan(Utc("2027-03-08T07:00:00Z"), "session-j-7").Where(r => r.TargetId == session.Id.ToString());
        var actual = scenario.Plan(Utc("2027-03-15T07:00:00Z"), "session-j-7").Where(r => r.TargetId == session.Id.ToString()).ToList();

        // Assert
        Assert.Empty(planned);
        Assert.Equal(3, actual.Count);
        Assert.All(actual, r => Assert.Equal("lundi 22 mars 2027 à 14:00", r.Model["start"]));
        Assert.All(actual, r => Assert.Equal("https://visio.example.test/salle", r.Model["visio_url"]));
    }

    [Fact]
    public void Plan_WhenACollectiveSessionIsDue_ThenEveryTeamOfTheGroupAndTheConsultantGetItOnce()
    {
        // Arrange: SC1 on Monday 5 April 2027 09:00 Paris; seven days before is 29 March 08:00 Paris (06:00Z).
        var scenario = new ReminderScenario();
        var sessionA = scenario.CollectiveSession(scenario.GroupA);

        // Act
        var due = scenario.Plan(Utc("2027-03-29T06:00:00Z"), "session-j-7").Where(r => r.TargetId == sessionA.Id.ToString()).ToList();

        // Assert: three trinômes (chef + médecin each) and the consultant of group A; nobody of group B.
        Assert.Equal(
            ["chef1@etab1.test", "chef2@etab2.test", "chef3@etab3.test", "consultant-a@conseil.test", "medecin1@etab1.test", "medecin2@etab2.test", "medecin3@etab3.test"],
            due.Select(r => r.Recipient.Email).Order(StringComparer.Ordinal));
        Assert.Equal(due.Count, due.Select(r => r.IdempotencyKey).Distinct().Count());
        Assert.Null(due.Single(r => r.Recipient == ConsultantA).EnrolmentId);
        Assert.Equal(scenario.Enrolment(2).Id, due.Single(r => r.Recipient.Email == "chef2@etab2.test").EnrolmentId);
        Assert.Equal("Établissement 2", due.Single(r => r.Recipient.Email == "chef2@etab2.test").Model["establishment_name"]);
        Assert.Equal("Groupe A", due.Single(r => r.Recipient == ConsultantA).Model["group_name"]);
    }

    [Fact]
    public void Plan_WhenAPersonHoldsTwoRolesInACollectiveSession_ThenTheyGetOneReminder()
    {
        // Arrange: enrolment 2's chef de projet is also its médecin référent (same address, different case).
        var scenario = new ReminderScenario();
        var two = scenario.Enrolments[1];
        var shared = two with { Team = [new("chef-de-projet", "Chef 2", "double@etab2.test"), new("medecin-referent", "Chef 2", "Double@Etab2.test")] };
        var snapshot = scenario.Snapshot() with { Enrolments = [.. scenario.Enrolments.Select(e => e.Enrolment.Id == two.Enrolment.Id ? shared : e)] };

        // Act
        var due = ReminderPlanner.Plan(scenario.Calendar, snapshot, Utc("2027-03-29T06:00:00Z"))
            .Where(r => r.RuleId == "session-j-7" && r.TargetId == scenario.CollectiveSession(scenario.GroupA).Id.ToString());

        // Assert
        Assert.Single(due, r => ReminderKey.Normalise(r.Recipient.Email) == "double@etab2.test");
    }

    [Fact]
    public void Plan_WhenARuleFiltersOnKindsAndTargetsTheOwner_ThenOnlyIndividualSessionsReachTheirAttendees()
    {
        // Arrange: 'session-individuelle-j-1' fires at 17:30 the day before, to the session's attendees.
        var scenario = new ReminderScenario();

        // Act: Sunday 14 March 17:30 Paris = 16:30Z; SC1 (collective) the day before 5 April is never concerned.
        var due = scenario.Plan(Utc("2027-03-14T16:30:00Z"), "session-individuelle-j-1");
        var collective = scenario.Plan(Utc("2027-04-04T15:30:00Z"), "session-individuelle-j-1");

        // Assert: five SI1 sessions, each to its chef de projet and its group's consultant (attendees).
        Assert.Equal(10, due.Count);
        Assert.Equal(5, due.Count(r => r.Recipient.Email.StartsWith("chef", StringComparison.Ordinal)));
        Assert.Equal(3, due.Count(r => r.Recipient == ConsultantA));
        Assert.Equal(2, due.Count(r => r.Recipient == ConsultantB));
        Assert.Empty(collective);
    }

    [Fact]
    public void Plan_WhenASessionIsCancelled_ThenNoReminderGoesOut()
    {
        // Arrange
        var scenario = new ReminderScenario();
        Assert.True(scenario.CollectiveSession(scenario.GroupA).Cancel("Grève").IsSuccess);

        // Act
        var due = scenario.Plan(Utc("2027-03-29T06:00:00Z"), "session-j-7");

        // Assert: only group B's session remains (two trinômes and their consultant).
        Assert.Equal(5, due.Count);
        Assert.All(due, r => Assert.Equal(scenario.CollectiveSession(scenario.GroupB).Id.ToString(), r.TargetId));
    }

    [Fact]
    public void Plan_WhenAReportIsOverdue_ThenItsOwnerAndTheArsAreRemindedUntilItIsSubmitted()
    {
        // Arrange: SC1 ends on 5 April, the report is due on 12 April; '+1d' fires on 13 April 08:00 Paris (06:00Z).
        var scenario = new ReminderScenario();
        var now = Utc("2027-04-13T06:00:00Z");
        var sessionB = scenario.CollectiveSession(scenario.GroupB);
        scenario.SubmittedReports.Add(sessionB.Id);

        // Act
        var due = scenario.Plan(now, "compte-rendu-retard");

        // Assert: group A's report only, to its consultant (the report's owner) and the ARS referent.
        Assert.Equal([Referent, ConsultantA], due.Select(r => r.Recipient).OrderBy(r => r.Email, StringComparer.Ordinal));
        Assert.All(due, r => Assert.Equal(ReminderTargetKind.SessionReport, r.TargetKind));
        Assert.All(due, r => Assert.Equal("Compte rendu à l'ARS", r.Model["title"]));
        Assert.All(due, r => Assert.Equal("lundi 12 avril 2027", r.Model["date"]));
        Assert.All(due, r => Assert.Equal(("1", "after"), (r.Model["days"], r.Model["timing"])));
    }

    [Fact]
    public void Plan_WhenAnEnrolmentWithdrew_ThenNobodyIsRemindedOfItsSessionsAndItsTeamOfNone()
    {
        // Arrange
        var scenario = new ReminderScenario();
        scenario.Withdraw(3);

        // Act
        var individual = scenario.Plan(Utc("2027-03-08T07:00:00Z"), "session-j-7");
        var collective = scenario.Plan(Utc("2027-03-29T06:00:00Z"), "session-j-7");

        // Assert: its SI1 reaches not even the consultant; SC1 reaches the other teams of group A only.
        Assert.Equal(12, individual.Count);
        Assert.DoesNotContain(individual, r => r.TargetId == scenario.IndividualSession(3).Id.ToString());
        Assert.DoesNotContain(collective, r => r.Recipient.Email.EndsWith("@etab3.test", StringComparison.Ordinal));
        Assert.Contains(collective, r => r.Recipient.Email == "chef1@etab1.test");
    }
}
