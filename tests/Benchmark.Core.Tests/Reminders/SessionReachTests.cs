using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using static Benchmark.Core.Tests.Reminders.ReminderScenario;

namespace Benchmark.Core.Tests.Reminders;

/// <summary>
/// The sweep reads only the session rows inside <see cref="ReminderPlanner.SessionReach"/>: every session the planner
/// reminds must lie inside it, and it must be no wider than the days the rules fire on.
/// </summary>
public sealed class SessionReachTests
{
    [Theory]
    [InlineData("2027-03-16T07:05:00Z")] // a Tuesday morning sweep (a report due on a weekend moves to Monday)
    [InlineData("2027-03-25T16:31:00Z")] // just after the 17:30 Paris reminder, days before the spring change
    [InlineData("2027-03-28T23:59:00Z")] // the night of the spring change
    public void SessionReach_WhenSessionsStartEveryHour_ThenEverySessionRemindedLiesInsideAndTheReachSpansOnlyItsDueDays(string at)
    {
        // Arrange: SC1 (collective, report due +7d) and SI1 (individual) of group A every hour, from 20 days before to 20 days after.
        var scenario = new ReminderScenario();
        var now = Utc(at);
        var sessions = new List<ReminderSession>();
        for (var start = now.AddDays(-20); start <= now.AddDays(20); start = start.AddHours(1))
        {
            sessions.Add(new(new SessionFacts(Guid.NewGuid(), scenario.WaveId, scenario.GroupA.Id, null, "SC1", SessionKind.Collective,
                SessionStatus.Scheduled, start, start.AddHours(3), null, null)));
            sessions.Add(new(new SessionFacts(Guid.NewGuid(), scenario.WaveId, scenario.GroupA.Id, scenario.Enrolment(1).Id, "SI1", SessionKind.Individual,
                SessionStatus.Scheduled, start, start.AddMinutes(90), null, null)));
        }

        var snapshot = new ReminderSnapshot(scenario.WaveId, scenario.Enrolments, sessions, [scenario.GroupA, scenario.GroupB], scenario.Referents);
        var byId = sessions.ToDictionary(s => s.Session.Id.ToString());

        // Act
        var reach = ReminderPlanner.SessionReach([Definition], now);
        var planned = ReminderPlanner.Plan(scenario.Calendar, snapshot, now);

        // Assert: each reminded session inside the reach; the reach no wider than the reminded sessions' Paris days.
        var starts = planned.Where(p => p.TargetKind == ReminderTargetKind.Session).Select(p => byId[p.TargetId].Session.StartUtc).ToList();
        var ends = planned.Where(p => p.TargetKind == ReminderTargetKind.SessionReport).Select(p => byId[p.TargetId].Session.EndUtc).ToList();
        Assert.NotEmpty(starts);
        Assert.NotEmpty(ends);
        Assert.All(starts, s => Assert.InRange(s, reach.Starts!.From, reach.Starts.To));
        Assert.All(ends, e => Assert.InRange(e, reach.Ends!.From, reach.Ends.To));
        Assert.True(reach.Starts!.From > starts.Min().AddDays(-1) && reach.Starts.To < starts.Max().AddDays(1), $"{reach.Starts} for {starts.Min():O}…{starts.Max():O}");
        Assert.True(reach.Ends!.From > ends.Min().AddDays(-1) && reach.Ends.To < ends.Max().AddDays(1), $"{reach.Ends} for {ends.Min():O}…{ends.Max():O}");
    }
}
