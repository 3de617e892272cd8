using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Support;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>The report to the ARS owed after a session of « Gestion des flux patients » (due "+7d", Paris days).</summary>
public sealed class ReportDeadlinesTests
{
    private static readonly WorkflowDefinition Definition =
        DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", "gestion-flux-patients.yaml"), "gestion-flux-patients.yaml").Definition!;

    // Wednesday 24 March 2027 20:00–23:30 UTC ends on Thursday 25 March 00:30 in Paris: the Paris day counts, not the UTC one.
    private static readonly DateTimeOffset LateEvening = new(2027, 3, 24, 20, 0, 0, TimeSpan.Zero);

    private static Session Scheduled(string sessionId = "SC1")
    {
        var session = new Session(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, sessionId, SessionKind.Collective, LateEvening, LateEvening.AddHours(3.5));
        Assert.True(session.Schedule(new SessionSlot(LateEvening, LateEvening.AddHours(3.5), "Salle", null, null), LateEvening.AddDays(-1)).IsSuccess);
        return session;
    }

    [Fact]
    public void DueDay_WhenSessionEndsAfterMidnightParis_ThenSevenParisDaysAfterTheParisEndDay()
    {
        // Arrange
        var session = Scheduled();

        // Act
        var due = ReportDeadlines.DueDay(Definition.FindSession("SC1"), session);

        // Assert
        Assert.Equal(new DateOnly(2027, 4, 1), due);
        Assert.Equal(ParisTime.ToUtc(new DateOnly(2027, 4, 2), TimeOnly.MinValue), ReportDeadlines.LateFrom(due!.Value));
    }

    [Fact]
    public void DueDay_WhenSevenDaysLaterIsEasterMonday_ThenTheReportIsDueOnTuesday()
    {
        // Arrange: a session ending Monday 10 April 2028; Monday 17 April 2028 is Easter Monday
        var end = ParisTime.ToUtc(new DateOnly(2028, 4, 10), new TimeOnly(12, 0));
        var session = new Session(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "SC1", SessionKind.Collective, end.AddHours(-3), end);

        // Act
        var due = ReportDeadlines.DueDay(Definition.FindSession("SC1"), session);

        // Assert
        Assert.Equal(new DateOnly(2028, 4, 18), due);
    }

    [Fact]
    public void Overdue_WhenDeadlinePassedAndNotSubmitted_ThenListedOnceItIsLateOnly()
    {
        // Arrange
        var session = Scheduled();
        var lateFrom = ReportDeadlines.LateFrom(new DateOnly(2027, 4, 1));

        // Act
        var onTime = ReportDeadlines.Overdue(Definition, [new ReminderSession(session)], lateFrom.AddTicks(-1));
        var late = ReportDeadlines.Overdue(Definition, [new ReminderSession(session)], lateFrom);
        var submitted = ReportDeadlines.Overdue(Definition, [new ReminderSession(session, ReportSubmitted: true)], lateFrom.AddDays(30));

        // Assert
        Assert.Empty(onTime);
        var overdue = Assert.Single(late);
        Assert.Equal($"session-report-overdue:{session.Id}", overdue.AlertKey);
        Assert.Empty(submitted);
    }

    [Fact]
    public void Overdue_WhenSessionCancelledOrOnlyPlanned_ThenNoReportOwed()
    {
        // Arrange
        var cancelled = Scheduled();
        Assert.True(cancelled.Cancel("Grève").IsSuccess);
        var planned = new Session(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "SC1", SessionKind.Collective, LateEvening, LateEvening.AddHours(2));

        // Act
        var overdue = ReportDeadlines.Overdue(Definition, [new ReminderSession(cancelled), new ReminderSession(planned)], LateEvening.AddDays(60));

        // Assert
        Assert.Empty(overdue);
    }

    [Fact]
    public void Plan_WhenReportSubmitted_ThenNeitherTheReminderNorTheLateNoticeIsPlanned()
    {
        // Arrange
        var session = Scheduled();
        var anchors = Definition.Anchors.ToDictionary(a => a.Id, _ => new DateOnly(2027, 1, 4), StringComparer.Ordinal);
        var calendar = ScheduleResolver.Resolve(Definition, anchors).Value;
        var group = new ReminderGroup(session.GroupId!.Value, "Groupe A", new ReminderContact("Coralie", "coralie@exemple.fr"));
        ReminderSnapshot Snapshot(bool submitted) =>
            new(session.WaveId, [], [new ReminderSession(session, submitted)], [group], [new ReminderContact("Rémi", "remi@ars.exemple.fr")]);
        var beforeDue = ParisTime.ToUtc(new DateOnly(2027, 3, 30), new TimeOnly(8, 1));
        var afterDue = ParisTime.ToUtc(new DateOnly(2027, 4, 2), new TimeOnly(8, 1));

        // Act
        var pending = ReminderPlanner.Plan(calendar, Snapshot(false), beforeDue).Concat(ReminderPlanner.Plan(calendar, Snapshot(false), afterDue)).ToList();
        var settled = ReminderPlanner.Plan(calendar, Snapshot(true), beforeDue).Concat(ReminderPlanner.Plan(calendar, Snapshot(true), afterDue)).ToList();

        // Assert
        Assert.Contains(pending, r => r.RuleId == "compte-rendu-j-2" && r.Recipient.Email == "coralie@exemple.fr");
        Assert.Contains(pending, r => r.RuleId == "compte-rendu-retard" && r.Recipient.Email == "remi@ars.exemple.fr");
        Assert.DoesNotContain(settled, r => r.TargetKind == ReminderTargetKind.SessionReport);
    }
}
