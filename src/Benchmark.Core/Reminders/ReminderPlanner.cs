using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Scheduling;

namespace Benchmark.Core.Reminders;

/// <summary>
/// Decides which reminders of a wave are due at an instant: a pure function of (calendar, snapshot, now), so the
/// recurring sweep can run it as often as it likes and on several nodes; the idempotency keys make the sends unique.
/// </summary>
/// <remarks>
/// <para>For each rule and target, the reminder is due at (target day + offset) at the rule's <c>time</c> in Paris,
/// converted to UTC. It is planned when that instant lies in (<c>now − lookback</c>, <c>now</c>]: a sweep that
/// stopped for less than the lookback catches up, an old wave does not wake up with a flood of stale mail.</para>
/// <para>Targets: session rows (their actual start, not the calendar's plan; cancelled sessions are skipped),
/// the report owed after a session (due = the session's last Paris day + the report's <c>due</c>), and, for each
/// active enrolment, the calendar's deliverables, checklist items, phases and indicator periods (a period — civil
/// months, bimonths Jan–Feb, Mar–Apr… — is due on its last day; the periods considered are those ending between
/// the first phase's start and the last phase's deadline).</para>
/// <para><c>when: pending</c> skips what is settled: a held session, a submitted report, a closed phase, an
/// indicator period where every indicator of that period type is reported, and — only while their phase is
/// open, since nobody can act on a pending or closed phase — a checklist item done or not applicable, a
/// deliverable submitted or approved for the owner's side, approved (or submitted when it has no approver) for
/// anyone else (an escalation). <c>owner</c> means: the item's owner role; a session's attendees; the report's
/// owner; for a phase or an indicator period, the whole establishment team.</para>
/// <para>A session's reminders follow the consultant's changes to its invite list
/// (<see cref="ReminderSession.Participants"/>): a removed person gets none, a guest gets every session rule's.</para>
/// </remarks>
public static class ReminderPlanner
{
    public static TimeSpan DefaultLookback { get; } = TimeSpan.FromDays(2);

    /// <summary>The reminders due at <paramref name="now"/>, one per recipient, in due order then key order.</summary>
    /// <param name="calendar">The wave's definition resolved against its anchors (<see cref="ScheduleResolver"/>).</param>
    /// <param name="snapshot">The wave's state.</param>
    /// <param name="now">The sweep's instant (from the injected <see cref="TimeProvider"/>).</param>
    /// <param name="lookback">How far back a missed reminder is still sent; default <see cref="DefaultLookback"/>.</param>
    public static IReadOnlyList<PlannedReminder> Plan(ResolvedCalendar calendar, ReminderSnapshot snapshot, DateTimeOffset now, TimeSpan? lookback = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(snapshot);
        var run = new ReminderRun(calendar, snapshot, now, lookback ?? DefaultLookback);
        foreach (var rule in calendar.Definition.Reminders)
        {
            switch (rule.On)
            {
                case ReminderTrigger.SessionStart or ReminderTrigger.SessionReportDue:
                    PlanSessions(run, rule);
                    break;
                case ReminderTrigger.DeliverableDue:
                    PlanDeliverables(run, rule);
                    break;
                case ReminderTrigger.ChecklistDue:
                    PlanChecklist(run, rule);
                    break;
                case ReminderTrigger.PhaseDue:
                    PlanPhases(run, rule);
                    break;
                case ReminderTrigger.IndicatorDue:
                    PlanIndicators(run, rule);
                    break;
            }
        }

        return run.Planned.OrderBy(p => p.DueAtUtc).ThenBy(p => p.IdempotencyKey, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// How far, at <paramref name="now"/>, the session rules of <paramref name="definitions"/> reach: a session row can
    /// only get a reminder when its start lies in <see cref="ReminderReach.Starts"/> or, for a report rule, its end in
    /// <see cref="ReminderReach.Ends"/> (null when no rule of that trigger can fire now). The bounds are the Paris
    /// days on which a rule fires inside the window (<see cref="ReminderWindow.DueDays"/>; for a report, the end days
    /// whose report is due on such a day), not the window's days of slack: the sweep reads only those rows.
    /// </summary>
    public static ReminderReach SessionReach(IEnumerable<WorkflowDefinition> definitions, DateTimeOffset now, TimeSpan? lookback = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var since = now - (lookback ?? DefaultLookback);
        ReminderInterval? starts = null, ends = null;
        foreach (var definition in definitions)
        {
            foreach (var rule in definition.Reminders.Where(r => r.On is ReminderTrigger.SessionStart or ReminderTrigger.SessionReportDue))
            {
                var report = rule.On == ReminderTrigger.SessionReportDue;
                var window = new ReminderWindow(rule, now, since, report ? ReminderRun.ReportDays(definition) : 0);
                var days = report ? ReportEndDays(definition, window) : window.DueDays();
                if (DaysInterval(days) is not { } reach)
                {
                    continue;
                }

                if (report)
                {
                    ends = ends?.Union(reach) ?? reach;
                }
                else if (IsAfter(rule.Offset) || reach.To >= now)
                {
                    // Sessions already begun get no reminder before their start (see PlanSessions): not read.
                    var read = IsAfter(rule.Offset) || reach.From >= now ? reach : reach with { From = now };
                    starts = starts?.Union(read) ?? read;
                }
            }
        }

        return new ReminderReach(starts, ends);
    }

    /// <summary>The Paris days a session may end on for its report to be due on a day the rule fires (<see cref="ReportDeadlines.DueDay(SessionDefinition?, SessionFacts)"/>).</summary>
    private static IEnumerable<DateOnly> ReportEndDays(WorkflowDefinition definition, ReminderWindow window)
    {
        var delays = definition.Sessions.Where(d => d.Report is not null).Select(d => d.Report!.Due).Distinct().ToList();
        var last = DateOnly.FromDateTime(window.ReachTo.UtcDateTime).AddDays(1);
        // Five days earlier: a due day that fell on a weekend and holidays moved up to four days later.
        for (var day = DateOnly.FromDateTime(window.ReachFrom.UtcDateTime).AddDays(-6); day <= last; day = day.AddDays(1))
        {
            if (delays.Exists(delay => window.DueWithin(ReportDeadlines.Due(delay, day)) is not null))
            {
                yield return day;
            }
        }
    }

    /// <summary>The instants of the Paris days from the first to the last of <paramref name="days"/>; null without a day.</summary>
    private static ReminderInterval? DaysInterval(IEnumerable<DateOnly> days)
    {
        DateOnly? first = null, last = null;
        foreach (var day in days)
        {
            first ??= day;
            last = day;
        }

        return first is { } from && last is { } to
            ? new ReminderInterval(ParisTime.ToUtc(from, TimeOnly.MinValue), ParisTime.ToUtc(to.AddDays(1), TimeOnly.MinValue).AddTicks(-1))
            : null;
    }

    /// <summary>
    /// Which enrolment data the wave's calendar items need at <paramref name="now"/>: none when no deliverable,
    /// checklist item, phase or indicator period of <paramref name="calendar"/> has a reminder due in the window.
    /// </summary>
    public static ReminderNeeds ItemNeeds(ResolvedCalendar calendar, DateTimeOffset now, TimeSpan? lookback = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var since = now - (lookback ?? DefaultLookback);
        var needs = ReminderNeeds.None;
        foreach (var rule in calendar.Definition.Reminders)
        {
            var window = new ReminderWindow(rule, now, since, 0);
            var due = rule.On switch
            {
                ReminderTrigger.DeliverableDue => Due(calendar.Deliverables, i => i.Due, window).Any(),
                ReminderTrigger.ChecklistDue => Due(calendar.Checklist, i => i.Due, window).Any(),
                ReminderTrigger.PhaseDue => Due(calendar.Phases, p => p.Due, window).Any(),
                ReminderTrigger.IndicatorDue => DuePeriods(calendar, window).Any(),
                _ => false,
            };
            if (due)
            {
                needs |= rule.On == ReminderTrigger.IndicatorDue ? ReminderNeeds.Indicators : ReminderNeeds.ItemStates;
            }
        }

        return needs;
    }

    private static void PlanSessions(ReminderRun run, ReminderDefinition rule)
    {
        var window = run.Window(rule);
        var report = rule.On == ReminderTrigger.SessionReportDue;
        foreach (var row in run.Snapshot.Sessions)
        {
            var session = row.Session;
            if (!window.MayConcern(report ? session.EndUtc : session.StartUtc)
                || session.Status == SessionStatus.Cancelled || (rule.Kinds.Count > 0 && !rule.Kinds.Contains(session.Kind))
                || run.Session(session.SessionId) is not { } definition || (report && definition.Report is null))
            {
                continue;
            }

            var day = report ? ReportDeadlines.DueDay(definition, session)!.Value : ParisDay(session.StartUtc);
            if (window.DueWithin(day) is not { } due)
            {
                continue;
            }

            // A reminder of a session to come is pointless once it has begun: one missed (a sweep late, a node down) is
            // dropped rather than sent a minute after the start. A rule set after the start (a survey the next day) still runs.
            if (!report && !IsAfter(rule.Offset) && run.Now >= session.StartUtc)
            {
                continue;
            }

            var settled = report ? row.ReportSubmitted : session.Status == SessionStatus.Held;
            if (rule.When == ReminderCondition.Pending && settled)
            {
                continue;
            }

            // An individual or internal session of a withdrawn (or unknown) enrolment concerns nobody any more.
            var single = session.Kind == SessionKind.Collective ? null : run.Find(session.EnrolmentId);
            if (session.Kind != SessionKind.Collective && single is null)
            {
                continue;
            }

            var enrolments = single is null ? run.InGroup(session.GroupId) : [single];
            var groupId = session.GroupId ?? single?.Enrolment.GroupId;
            var target = new ReminderTarget(
                report ? ReminderTargetKind.SessionReport : ReminderTargetKind.Session,
                session.Id.ToString(),
                day,
                report ? [definition.Report!.Owner] : definition.Attendees,
                enrolments,
                groupId,
                single,
                ReminderModel.ForSession(run, definition, row, report),
                report ? null : row.Participants);
            run.Emit(rule, target, due, _ => true);
        }
    }

    private static void PlanDeliverables(ReminderRun run, ReminderDefinition rule)
    {
        foreach (var (item, due) in Due(run.Calendar.Deliverables, i => i.Due, run.Window(rule)))
        {
            var d = item.Definition;
            var phaseId = run.PhaseOfDeliverable(d.Id);
            foreach (var enrolment in run.Active)
            {
                var status = enrolment.Enrolment.Deliverable(d.Id);
                var target = ReminderRun.ForEnrolment(ReminderTargetKind.Deliverable, d.Id, item.Due, [d.Owner], enrolment,
                    ReminderModel.ForItem(run, d.Id, d.Title, status.ToString()));
                run.Emit(rule, target, due, audience =>
                    ReminderRun.Phase(enrolment, phaseId) == PhaseStatus.Open && !Settled(run, d, status, audience));
            }
        }
    }

    /// <summary>The owner's side is done once it has handed the deliverable in; anyone else waits for the approval.</summary>
    private static bool Settled(ReminderRun run, DeliverableDefinition d, DeliverableStatus status, string audience)
    {
        var ownerSide = audience == Vocabulary.OwnerAudience || audience == d.Owner
            || (run.SideOf(audience) == RoleSide.Establishment && run.SideOf(d.Owner) == RoleSide.Establishment);
        return ownerSide
            ? status is DeliverableStatus.Submitted or DeliverableStatus.Approved
            : status == DeliverableStatus.Approved || (d.Approver is null && status == DeliverableStatus.Submitted);
    }

    private static void PlanChecklist(ReminderRun run, ReminderDefinition rule)
    {
        foreach (var (item, due) in Due(run.Calendar.Checklist, i => i.Due, run.Window(rule)))
        {
            var c = item.Definition;
            var phaseId = run.PhaseOfChecklistItem(c.Id);
            foreach (var enrolment in run.Active)
            {
                var status = enrolment.Enrolment.Entry(c.Id);
                var target = ReminderRun.ForEnrolment(ReminderTargetKind.Checklist, c.Id, item.Due, [c.Owner], enrolment,
                    ReminderModel.ForItem(run, c.Id, c.Text, status.ToString()));
                run.Emit(rule, target, due, _ => ReminderRun.Phase(enrolment, phaseId) == PhaseStatus.Open && status == ChecklistStatus.Open);
            }
        }
    }

    private static void PlanPhases(ReminderRun run, ReminderDefinition rule)
    {
        foreach (var (phase, due) in Due(run.Calendar.Phases, p => p.Due, run.Window(rule)))
        {
            var p = phase.Definition;
            foreach (var enrolment in run.Active)
            {
                var status = ReminderRun.Phase(enrolment, p.Id);
                var target = ReminderRun.ForEnrolment(ReminderTargetKind.Phase, p.Id, phase.Due, run.EstablishmentRoles, enrolment,
                    ReminderModel.ForItem(run, p.Id, p.Title, status.ToString()));
                run.Emit(rule, target, due, _ => status != PhaseStatus.Closed);
            }
        }
    }

    private static void PlanIndicators(ReminderRun run, ReminderDefinition rule)
    {
        foreach (var (type, period, due) in DuePeriods(run.Calendar, run.Window(rule)))
        {
            foreach (var enrolment in run.Active)
            {
                var reported = run.Reported(enrolment);
                var missing = type.Where(i => !reported.Contains(new IndicatorReport(i.Id, period.Key))).ToList();
                var target = ReminderRun.ForEnrolment(ReminderTargetKind.Indicator, period.Key, period.End, run.EstablishmentRoles, enrolment,
                    ReminderModel.ForPeriod(run, period, missing));
                run.Emit(rule, target, due, _ => missing.Count > 0);
            }
        }
    }

    /// <summary>The calendar's items of one kind whose reminder falls inside the window, with that instant.</summary>
    private static IEnumerable<(T Item, DateTimeOffset Due)> Due<T>(IEnumerable<T> items, Func<T, DateOnly> day, ReminderWindow window)
    {
        foreach (var item in items)
        {
            if (window.DueWithin(day(item)) is { } due)
            {
                yield return (item, due);
            }
        }
    }

    /// <summary>
    /// The indicator periods (by period type, those ending between the first phase's start and the last phase's
    /// deadline) whose reminder falls inside the window.
    /// </summary>
    private static IEnumerable<(IGrouping<IndicatorPeriod, IndicatorDefinition> Type, IndicatorPeriodSlot Period, DateTimeOffset Due)> DuePeriods(
        ResolvedCalendar calendar, ReminderWindow window)
    {
        if (calendar.Phases.Count == 0)
        {
            yield break;
        }

        var (from, to) = (calendar.Phases.Min(p => p.Start), calendar.Phases.Max(p => p.Due));
        foreach (var type in calendar.Definition.Indicators.GroupBy(i => i.Period))
        {
            foreach (var (period, due) in Due(IndicatorPeriods.EndingBetween(type.Key, from, to), p => p.End, window))
            {
                yield return (type, period, due);
            }
        }
    }

    private static bool IsAfter(Offset offset) => !offset.IsNegative && offset != Offset.Zero;

    private static DateOnly ParisDay(DateTimeOffset instant) => DateOnly.FromDateTime(ParisTime.ToParis(instant).DateTime);
}
