using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Runtime;
using Benchmark.Core.Scheduling;
using Benchmark.Core.Tests.Definitions;
using Benchmark.Core.Tests.Support;
using Xunit.Abstractions;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>
/// Every shipped programme's reminder rules over a synthetic wave (two groups of three enrolments with every phase
/// open, one person per establishment role, every session as planned, nothing done), swept every twelve hours from
/// two months before the first phase to two months after the last deadline.
/// </summary>
public sealed class RepositoryWorkflowRemindersTests(ITestOutputHelper output)
{
    public static TheoryData<string> Workflows() => RepositoryWorkflowsTests.Workflows();

    [Theory]
    [MemberData(nameof(Workflows))]
    public void Plan_WhenAShippedProgrammeIsSweptThroughItsWholeCalendar_ThenEverySessionAndOpenItemIsRemindedOncePerKey(string file)
    {
        // Arrange
        var definition = DefinitionLoader.LoadFile(Path.Combine(TestFiles.RepositoryRoot, "workflows", file), file).Definition!;
        var anchors = definition.Anchors.Select((a, i) => (a.Id, Date: new DateOnly(2027, 1, 4).AddMonths(6 * i)))
            .ToDictionary(x => x.Id, x => x.Date, StringComparer.Ordinal);
        var calendar = ScheduleResolver.Resolve(definition, anchors).Value;
        var snapshot = SyntheticWave(definition, calendar);
        var from = ParisTime.ToUtc(calendar.Phases.Min(p => p.Start).AddMonths(-2), new TimeOnly(0, 0));
        var to = ParisTime.ToUtc(calendar.Phases.Max(p => p.Due).AddMonths(2), new TimeOnly(0, 0));

        // Act
        var all = new Dictionary<string, PlannedReminder>(StringComparer.Ordinal);
        var busiest = 0;
        for (var now = from; now <= to; now = now.AddHours(12))
        {
            var run = ReminderPlanner.Plan(calendar, snapshot, now);
            Assert.Equal(run.Count, run.Select(r => r.IdempotencyKey).Distinct().Count());
            Assert.All(run, r => Assert.InRange(r.DueAtUtc, now - ReminderPlanner.DefaultLookback, now));
            busiest = Math.Max(busiest, run.Count);
            foreach (var reminder in run)
            {
                all.TryAdd(reminder.IdempotencyKey, reminder);
            }
        }

        // Assert
        foreach (var rule in definition.Reminders)
        {
            var sent = all.Values.Where(r => r.RuleId == rule.Id).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{file} {rule.Id,-32} {rule.On,-16} targets {sent.Select(r => r.TargetId).Distinct().Count(),4}  messages {sent.Count,5}"));
            Assert.NotEmpty(sent);
            Assert.All(sent, r => Assert.Equal(rule.Template, r.Template));
            Assert.All(sent, r => Assert.Equal(8, ParisTime.ToParis(r.DueAtUtc).Hour));
            switch (rule.On)
            {
                case ReminderTrigger.SessionStart:
                    var sessions = snapshot.Sessions.Where(s => rule.Kinds.Count == 0 || rule.Kinds.Contains(s.Session.Kind));
                    Assert.Equal(sessions.Select(s => s.Session.Id.ToString()).Order(StringComparer.Ordinal), sent.Select(r => r.TargetId).Distinct().Order(StringComparer.Ordinal));
                    break;
                case ReminderTrigger.SessionReportDue:
                    var reports = snapshot.Sessions.Where(s => definition.FindSession(s.Session.SessionId)!.Report is not null && (rule.Kinds.Count == 0 || rule.Kinds.Contains(s.Session.Kind)));
                    Assert.Equal(reports.Count(), sent.Select(r => r.TargetId).Distinct().Count());
                    break;
                case ReminderTrigger.ChecklistDue:
                    Assert.Equal(definition.ChecklistItems.Count() * snapshot.Enrolments.Count, sent.Select(r => r.TargetId).Distinct().Count());
                    break;
                case ReminderTrigger.DeliverableDue:
                    Assert.Equal(definition.Deliverables.Count() * snapshot.Enrolments.Count, sent.Select(r => r.TargetId).Distinct().Count());
                    break;
                case ReminderTrigger.PhaseDue:
                    Assert.Equal(definition.Phases.Count * snapshot.Enrolments.Count, sent.Select(r => r.TargetId).Distinct().Count());
                    break;
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{file}: {all.Count} distinct reminders, at most {busiest} in one sweep"));
        Assert.InRange(busiest, 1, 2_000);
    }

    private static ReminderSnapshot SyntheticWave(WorkflowDefinition definition, ResolvedCalendar calendar)
    {
        var waveId = Guid.NewGuid();
        var starter = new Actor("u-ars", "ARS", definition.Roles.First(r => r.Side == RoleSide.Ars).Id);
        var groups = Enumerable.Range(1, 2).Select(g => new ReminderGroup(Guid.NewGuid(), $"Groupe {g}", new ReminderContact($"Consultant {g}", $"consultant{g}@conseil.test"))).ToList();
        var enrolments = new List<ReminderEnrolment>();
        var sessions = new List<ReminderSession>();
        foreach (var (group, g) in groups.Select((group, g) => (group, g)))
        {
            for (var n = 1; n <= 3; n++)
            {
                var number = (g * 3) + n;
                var enrolment = new Enrolment(Guid.NewGuid(), waveId, group.Id, Guid.NewGuid());
                Assert.True(WorkflowEngine.Execute(definition, enrolment, EnrolmentContext.Empty, new StartEnrolment(starter), ParisTime.ToUtc(calendar.Phases[0].Start, new TimeOnly(9, 0))).IsSuccess);
                foreach (var phase in enrolment.Phases)
                {
                    phase.Status = PhaseStatus.Open;
                }

                var team = definition.Roles.Where(r => r.Side == RoleSide.Establishment)
                    .Select(r => new ReminderTeamMember(r.Id, $"{r.Id} {number}", $"{r.Id}@etab{number}.test")).ToList();
                enrolments.Add(new ReminderEnrolment(enrolment, team, $"Établissement {number}"));
                sessions.AddRange(calendar.Sessions.Where(s => s.Definition.Kind != SessionKind.Collective)
                    .Select(s => new ReminderSession(new Session(Guid.NewGuid(), waveId, group.Id, enrolment.Id, s.Definition.Id, s.Definition.Kind, s.StartUtc, s.EndUtc))));
            }

            sessions.AddRange(calendar.Sessions.Where(s => s.Definition.Kind == SessionKind.Collective)
                .Select(s => new ReminderSession(new Session(Guid.NewGuid(), waveId, group.Id, null, s.Definition.Id, s.Definition.Kind, s.StartUtc, s.EndUtc))));
        }

        return new ReminderSnapshot(waveId, enrolments, sessions, groups, [new ReminderContact("Référent ARS", "ars@ars.test")]);
    }
}
