using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using static Benchmark.Core.Tests.Reminders.ReminderScenario;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>
/// Session reminders follow the consultant's changes to the invite list: who got a CANCEL is not reminded, who got a
/// REQUEST is; the report's reminders still go to the report's owner.
/// </summary>
public sealed class SessionParticipantReminderTests
{
    /// <summary>Seven days before group A's SC1 (Monday 5 April 2027 09:00 Paris): 29 March 08:00 Paris.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = Utc("2027-03-29T06:00:00Z");

    [Fact]
    public void Plan_WhenAParticipantWasRemovedAndAGuestAdded_ThenTheRemovedGetsNothingAndTheGuestOneReminder()
    {
        // Arrange: the consultant removes enrolment 2's médecin (typed in capitals) and invites an outside guest.
        var scenario = new ReminderScenario();
        var session = scenario.CollectiveSession(scenario.GroupA);
        var unchanged = Keys(scenario.Plan(SevenDaysBefore, "session-j-7"), session);
        scenario.Change(session, "Medecin2@Etab2.test", "Médecin 2", excluded: true);
        scenario.Change(session, " Invitee@Externe.test ", "Inès Invitée", excluded: false);

        // Act
        var due = For(scenario.Plan(SevenDaysBefore, "session-j-7"), session);

        // Assert: six of the seven people before, plus the guest, with the same key shape; the others' keys unchanged.
        Assert.DoesNotContain(due, r => r.Recipient.Email == "medecin2@etab2.test");
        var guest = Assert.Single(due, r => r.Recipient.Email == "invitee@externe.test");
        Assert.Equal("Inès Invitée", guest.Recipient.Name);
        Assert.Equal($"reminder:session-j-7:session:{session.Id}:2027-03-29:invitee@externe.test", guest.IdempotencyKey);
        Assert.Null(guest.EnrolmentId);
        Assert.Equal("Inès Invitée", guest.Model["recipient_name"]);
        Assert.Equal(7, due.Count);
        Assert.Equal(unchanged.Where(k => !k.EndsWith(":medecin2@etab2.test", StringComparison.Ordinal)),
            Keys(due, session).Where(k => k != guest.IdempotencyKey));
    }

    [Fact]
    public void Plan_WhenPlannedAgain_ThenTheSameKeysAndNothingMore()
    {
        // Arrange
        var scenario = new ReminderScenario();
        var session = scenario.CollectiveSession(scenario.GroupA);
        scenario.Change(session, "consultant-a@conseil.test", "Paul Durand", excluded: true);
        scenario.Change(session, "invitee@externe.test", "Inès Invitée", excluded: false);

        // Act: a second sweep five minutes later.
        var first = Keys(scenario.Plan(SevenDaysBefore, "session-j-7"), session);
        var second = Keys(scenario.Plan(SevenDaysBefore.AddMinutes(5), "session-j-7"), session);

        // Assert
        Assert.Equal(first, second);
        Assert.Contains(first, k => k.EndsWith(":invitee@externe.test", StringComparison.Ordinal));
        Assert.DoesNotContain(first, k => k.EndsWith(":consultant-a@conseil.test", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_WhenTheGuestIsAlreadyInvitedByTheirRole_ThenOneReminderWithTheirTeamsEnrolment()
    {
        // Arrange: enrolment 1's chef de projet is also added by hand.
        var scenario = new ReminderScenario();
        var session = scenario.CollectiveSession(scenario.GroupA);
        scenario.Change(session, "CHEF1@etab1.test", "Chef 1", excluded: false);

        // Act
        var due = For(scenario.Plan(SevenDaysBefore, "session-j-7"), session);

        // Assert
        var chef = Assert.Single(due, r => ReminderKey.Normalise(r.Recipient.Email) == "chef1@etab1.test");
        Assert.Equal(scenario.Enrolment(1).Id, chef.EnrolmentId);
        Assert.Equal(7, due.Count);
    }

    [Fact]
    public void Plan_WhenAGuestJoinsAnIndividualSession_ThenTheyGetItsRulesWithItsEnrolment()
    {
        // Arrange: 'session-individuelle-j-1' (audience owner, individual sessions) on Sunday 14 March 17:30 Paris.
        var scenario = new ReminderScenario();
        var session = scenario.IndividualSession(1);
        scenario.Change(session, "invitee@externe.test", "Inès Invitée", excluded: false);

        // Act
        var due = For(scenario.Plan(Utc("2027-03-14T16:30:00Z"), "session-individuelle-j-1"), session);

        // Assert: the chef de projet, the consultant and the guest.
        Assert.Equal(["chef1@etab1.test", "consultant-a@conseil.test", "invitee@externe.test"], due.Select(r => r.Recipient.Email).Order(StringComparer.Ordinal));
        Assert.Equal(scenario.Enrolment(1).Id, due.Single(r => r.Recipient.Email == "invitee@externe.test").EnrolmentId);
    }

    [Fact]
    public void Plan_WhenTheReportIsLate_ThenItsRemindersIgnoreTheParticipantChanges()
    {
        // Arrange: the consultant left SC1's invite list and a guest joined it; the report is still theirs to write.
        var scenario = new ReminderScenario();
        var session = scenario.CollectiveSession(scenario.GroupA);
        scenario.Change(session, "consultant-a@conseil.test", "Paul Durand", excluded: true);
        scenario.Change(session, "invitee@externe.test", "Inès Invitée", excluded: false);

        // Act: 'compte-rendu-retard' on 13 April 08:00 Paris.
        var due = For(scenario.Plan(Utc("2027-04-13T06:00:00Z"), "compte-rendu-retard"), session);

        // Assert
        Assert.Equal([Referent, ConsultantA], due.Select(r => r.Recipient).OrderBy(r => r.Email, StringComparer.Ordinal));
    }

    private static List<PlannedReminder> For(IEnumerable<PlannedReminder> planned, Session session) =>
        planned.Where(r => r.TargetId == session.Id.ToString()).ToList();

    private static List<string> Keys(IEnumerable<PlannedReminder> planned, Session session) =>
        For(planned, session).Select(r => r.IdempotencyKey).Order(StringComparer.Ordinal).ToList();
}
