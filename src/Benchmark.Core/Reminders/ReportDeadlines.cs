using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Reminders;

/// <summary>A report owed after a session that is past its deadline and not submitted.</summary>
public sealed record OverdueReport(SessionFacts Session, SessionDefinition Definition, DateOnly Due)
{
    /// <summary>The alert's key: one alert per session, however often the sweep runs.</summary>
    public string AlertKey => $"session-report-overdue:{Session.Id}";
}

/// <summary>
/// When the report owed after a session (definition <c>report: { due: "+7d" }</c>) is due: the session's last Paris
/// day plus the delay, moved to the next working day when it falls on a weekend or a public holiday (as the
/// resolved calendar does), until the end of that day in Paris. Scheduled and held sessions owe one; planned or cancelled
/// ones do not.
/// </summary>
public static class ReportDeadlines
{
    public static DateOnly? DueDay(SessionDefinition? definition, Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return DueDay(definition, session.EndUtc);
    }

    public static DateOnly? DueDay(SessionDefinition? definition, SessionFacts session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return DueDay(definition, session.EndUtc);
    }

    /// <summary>The first instant at which a report due on <paramref name="due"/> is late: midnight ending that day, Paris.</summary>
    public static DateTimeOffset LateFrom(DateOnly due) => ParisTime.ToUtc(due.AddDays(1), TimeOnly.MinValue);

    public static bool Owes(Session session) => Owes(session?.Status ?? throw new ArgumentNullException(nameof(session)));

    public static bool Owes(SessionStatus status) => status is SessionStatus.Scheduled or SessionStatus.Held;

    /// <summary>The reports of <paramref name="sessions"/> late at <paramref name="now"/> and not submitted.</summary>
    public static IReadOnlyList<OverdueReport> Overdue(WorkflowDefinition definition, IEnumerable<ReminderSession> sessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(sessions);
        var overdue = new List<OverdueReport>();
        foreach (var row in sessions.Where(r => !r.ReportSubmitted && Owes(r.Session.Status)))
        {
            if (definition.FindSession(row.Session.SessionId) is { Report: not null } d && DueDay(d, row.Session) is { } due && now >= LateFrom(due))
            {
                overdue.Add(new OverdueReport(row.Session, d, due));
            }
        }

        return overdue;
    }

    /// <summary>The day a report is due <paramref name="delay"/> after a session's last day: the next working day from there.</summary>
    public static DateOnly Due(Offset delay, DateOnly lastDay, WorkingCalendar? workingDays = null)
    {
        var calendar = workingDays ?? WorkingCalendar.France;
        return calendar.NextWorkingDay(delay.AddTo(lastDay, calendar));
    }

    private static DateOnly? DueDay(SessionDefinition? definition, DateTimeOffset endUtc) =>
        definition?.Report is { } report ? Due(report.Due, ParisDay(endUtc)) : null;

    internal static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(ParisTime.ToParis(instant).DateTime);
}
