namespace Benchmark.Web.Infrastructure.Reminders;

/// <summary>
/// Where one <see cref="ReminderSweep.RunAsync"/> spent its time, stage by stage (logged at Debug; the bench reports it).
/// </summary>
/// <param name="Read">Reading the waves, sessions, enrolments, teams and contacts (SQL and materialisation), and resolving calendars.</param>
/// <param name="Plan">Planning every live wave in memory (<c>ReminderPlanner.Plan</c>, overdue reports).</param>
/// <param name="Check">Alerts raised, and the planned keys already in the outbox read.</param>
/// <param name="Build">Building the outbox rows of the reminders not queued yet (payload, subject).</param>
/// <param name="Insert">Writing them (one statement).</param>
/// <param name="Planned">Reminders due now, queued or not.</param>
/// <param name="Queued">Outbox rows inserted.</param>
/// <param name="Alerts">Alerts inserted.</param>
public sealed record SweepStages(TimeSpan Read, TimeSpan Plan, TimeSpan Check, TimeSpan Build, TimeSpan Insert, int Planned, int Queued, int Alerts)
{
    public TimeSpan Total => Read + Plan + Check + Build + Insert;
}
