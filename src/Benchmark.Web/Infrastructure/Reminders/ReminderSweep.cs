using System.Collections.Concurrent;
using System.Globalization;
using Benchmark.Core.Definitions;
using Benchmark.Core.Domain;
using Benchmark.Core.Reminders;
using Benchmark.Core.Scheduling;
using Benchmark.Data;
using Benchmark.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Benchmark.Web.Infrastructure.Reminders;

/// <summary>
/// Decides, from the database, which reminders are due now and queues each one in the outbox under its idempotency
/// key (rule, target, occurrence, recipient): a second sweep, a sweep on another node or after a restart queues
/// nothing more. All waves are decided at once, one query per kind of data (no query per wave or per enrolment).
/// <para>
/// Only what a rule can reach now is read: the session rows whose start (or end, for a report) lies within the
/// reach of the definitions' rules (<see cref="ReminderPlanner.SessionReach"/>) and those whose report to the ARS
/// is owed, missing and late (alerts, below); then, only for the waves with such a session or with a calendar item
/// due (<see cref="ReminderPlanner.ItemNeeds"/>), their enrolments and teams, and the item statuses and indicator
/// values only where an item or a period is due. Past waves cost a few rows. Every read is a narrow no-tracking
/// projection.
/// </para>
/// <para>
/// Only <see cref="SessionStatus.Scheduled"/> sessions (and <see cref="SessionStatus.Held"/> ones, for the report
/// owed after them) are reminded: a <see cref="SessionStatus.Planned"/> date comes from the definition and is not
/// yet an appointment anyone was invited to. A session's report to the ARS counts as submitted once a
/// <see cref="SessionReport"/> exists: its reminders stop, and a report past its deadline without one raises an
/// <see cref="Alert"/> (<see cref="OverdueReportAlerts"/>) — for a session that ended within
/// <see cref="OverdueHorizon"/>, however late the sweep notices it.
/// </para>
/// </summary>
public sealed partial class ReminderSweep(BenchmarkDbContext db, MailOutbox outbox, TimeProvider clock, ILogger<ReminderSweep> logger)
{
    private TimeSpan _planning;

    /// <summary>
    /// How far back a session may have ended and still raise its late-report alert: a year, longer than a wave's
    /// coaching, so any report the sweep has not seen yet (a sweep stopped for months, a session marked held late)
    /// is still alerted once, while years of history are not read again every morning.
    /// </summary>
    public static readonly TimeSpan OverdueHorizon = TimeSpan.FromDays(366);

    /// <summary>How many candidate keys are checked per query (one array parameter each).</summary>
    private const int KeyChunk = 5_000;


    /// <summary>Resolved calendars by definition hash and anchor dates (both fixed for a wave's life); null when they do not resolve.</summary>
    private static readonly ConcurrentDictionary<string, ResolvedCalendar?> Resolved = new(StringComparer.Ordinal);

    /// <summary>Queues the reminders due at <paramref name="now"/>; returns how many outbox rows were inserted.</summary>
    public async Task<int> RunAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var start = clock.GetTimestamp();
        _planning = TimeSpan.Zero;
        var (planned, overdue, groupNames) = await DecideAsync(now, cancellationToken);
        var decided = clock.GetTimestamp();
        var alerts = await new OverdueReportAlerts(db).RaiseAsync(overdue, groupNames, now, cancellationToken);
        var fresh = planned.Count == 0 ? [] : await WithoutExistingAsync(planned, cancellationToken);
        var checkedAt = clock.GetTimestamp();

        // Typed reminders, written by the outbox in set-based statements (each key once), not by SaveChanges.
        var written = fresh.Count == 0 ? QueuedMany.None : await outbox.QueueManyAsync(
            fresh.Select(r => ((MailModel)new ReminderMail(r.Template, r.Model), r.Recipient.Email, r.IdempotencyKey)), cancellationToken);
        var queued = written.Inserted;
        LastRun = new SweepStages(
            clock.GetElapsedTime(start, decided) - _planning, _planning, clock.GetElapsedTime(decided, checkedAt),
            written.Build, written.Insert, planned.Count, queued, alerts);
        LogSwept(logger, queued, planned.Count, alerts, LastRun.Total.TotalMilliseconds, LastRun.Read.TotalMilliseconds, LastRun.Plan.TotalMilliseconds,
            LastRun.Check.TotalMilliseconds, LastRun.Build.TotalMilliseconds, LastRun.Insert.TotalMilliseconds);
        return queued;
    }

    /// <summary>Where the last <see cref="RunAsync"/> of this instance spent its time (null before one).</summary>
    public SweepStages? LastRun { get; private set; }

    /// <summary>Every reminder due now, over all waves (nothing is written).</summary>
    public async Task<IReadOnlyList<PlannedReminder>> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        (await DecideAsync(now, cancellationToken)).Planned;

    /// <summary>The reminders due now and the reports to the ARS overdue now (alerts), over all waves.</summary>
    private async Task<(List<PlannedReminder> Planned, List<OverdueReport> Overdue, Dictionary<Guid, string> GroupNames)> DecideAsync(
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var calendars = await CalendarsAsync(cancellationToken);
        if (calendars.Count == 0)
        {
            return ([], [], []);
        }

        var definitions = calendars.Values.Select(c => c.Definition).Distinct().ToList();
        var sessions = (await SessionsAsync(definitions, now, cancellationToken)).Where(s => calendars.ContainsKey(s.Session.WaveId)).ToLookup(s => s.Session.WaveId);
        var needs = calendars.ToDictionary(c => c.Key, c => ReminderPlanner.ItemNeeds(c.Value, now));
        var live = calendars.Keys.Where(w => sessions.Contains(w) || needs[w] != ReminderNeeds.None).ToList();
        if (live.Count == 0)
        {
            return ([], [], []);
        }

        // The enrolments a target can concern now: every one of a wave with a calendar item due, and otherwise only
        // those of the groups (collective sessions) and the enrolments (individual ones) of the session rows read.
        var reachable = new EnrolmentReach(
            live.Where(w => needs[w] != ReminderNeeds.None).ToList(),
            sessions.SelectMany(w => w).Where(s => s.Session.Kind == SessionKind.Collective && s.Session.GroupId is not null)
                .Select(s => s.Session.GroupId!.Value).Distinct().ToList(),
            sessions.SelectMany(w => w).Where(s => s.Session.Kind != SessionKind.Collective && s.Session.EnrolmentId is not null)
                .Select(s => s.Session.EnrolmentId!.Value).Distinct().ToList());
        var enrolments = await EnrolmentsAsync(reachable, live.Where(w => needs[w].HasFlag(ReminderNeeds.ItemStates)).ToList(), cancellationToken);
        var indicatorWaves = live.Where(w => needs[w].HasFlag(ReminderNeeds.Indicators)).ToList();
        var reported = indicatorWaves.Count == 0 ? Enumerable.Empty<IndicatorRow>().ToLookup(v => v.EnrolmentId, v => new IndicatorReport(v.IndicatorId, v.Period))
            : (await db.IndicatorValues.AsNoTracking()
                .Where(v => (v.Status == IndicatorValueStatus.Submitted || v.Status == IndicatorValueStatus.Validated)
                    && db.Enrolments.Any(e => e.Id == v.EnrolmentId && indicatorWaves.Contains(e.WaveId)))
                .Select(v => new IndicatorRow(v.EnrolmentId, v.IndicatorId, v.Period)).Distinct().ToListAsync(cancellationToken))
            .ToLookup(v => v.EnrolmentId, v => new IndicatorReport(v.IndicatorId, v.Period));
        var groups = await db.Groups.AsNoTracking().Where(g => live.Contains(g.WaveId))
            .Select(g => new ContactRow(g.WaveId, g.Id, g.Name, db.Users.Where(u => u.Id == g.ConsultantId).Select(u => u.FullName).FirstOrDefault(),
                db.Users.Where(u => u.Id == g.ConsultantId).Select(u => u.Email).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var referents = (await db.WaveReferents.AsNoTracking().Where(r => live.Contains(r.WaveId))
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new ContactRow(r.WaveId, null, null, u.FullName, u.Email))
            .ToListAsync(cancellationToken)).Select(r => (r.WaveId, Contact: r.Contact)).Where(r => r.Contact is not null).ToLookup(r => r.WaveId, r => r.Contact!);

        var byWave = enrolments.ToLookup(e => e.WaveId);
        var groupsByWave = groups.ToLookup(g => g.WaveId);
        var planned = new List<PlannedReminder>();
        var overdue = new List<OverdueReport>();
        var planning = clock.GetTimestamp();
        foreach (var waveId in live)
        {
            var calendar = calendars[waveId];
            var rows = sessions[waveId].ToList();
            var snapshot = new ReminderSnapshot(
                waveId,
                byWave[waveId].Select(e => e.Reminder(reported[e.Facts.Id].ToList())).ToList(),
                rows,
                groupsByWave[waveId].Select(g => new ReminderGroup(g.GroupId!.Value, g.GroupName ?? "", g.Contact)).ToList(),
                referents[waveId].ToList());
            planned.AddRange(ReminderPlanner.Plan(calendar, snapshot, now));
            overdue.AddRange(ReportDeadlines.Overdue(calendar.Definition, rows, now));
        }

        _planning += clock.GetElapsedTime(planning);

        return (planned, overdue, groups.ToDictionary(g => g.GroupId!.Value, g => g.GroupName ?? ""));
    }

    /// <summary>Every wave's calendar (definitions parsed once per source); a wave whose calendar cannot be resolved is logged and left out.</summary>
    private async Task<Dictionary<Guid, ResolvedCalendar>> CalendarsAsync(CancellationToken cancellationToken)
    {
        var waves = await db.Waves.AsNoTracking().AsSingleQuery()
            .Join(db.ProgrammeDefinitions, w => w.DefinitionId, d => d.Id, (w, d) => new { Wave = w, d.Hash })
            .ToListAsync(cancellationToken);
        // The source text is read only for the definitions this process has not parsed yet (ProgrammeDefinition's cache).
        var missing = waves.Where(w => ProgrammeDefinition.Parsed(w.Hash) is null).Select(w => w.Wave.DefinitionId).Distinct().ToList();
        if (missing.Count > 0)
        {
            foreach (var stored in await db.ProgrammeDefinitions.AsNoTracking().Where(d => missing.Contains(d.Id)).ToListAsync(cancellationToken))
            {
                stored.Parse();
            }
        }

        var calendars = new Dictionary<Guid, ResolvedCalendar>();
        foreach (var (wave, hash) in waves.Select(w => (w.Wave, w.Hash)))
        {
            var anchors = string.Join(';', wave.Anchors.OrderBy(a => a.Name, StringComparer.Ordinal)
                .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Name}={a.Date:yyyy-MM-dd}")));
            var calendar = Resolved.GetOrAdd($"{hash}|{anchors}", _ => ProgrammeDefinition.Parsed(hash) is { } definition
                && ScheduleResolver.TryResolve(definition, wave.AnchorDates, out var resolved).Count == 0 ? resolved : null);
            if (calendar is null)
            {
                LogWaveSkipped(logger, wave.Id);
                continue;
            }

            calendars[wave.Id] = calendar;
        }

        return calendars;
    }

    private async Task<List<PlannedReminder>> WithoutExistingAsync(IReadOnlyList<PlannedReminder> planned, CancellationToken cancellationToken)
    {
        var unique = planned.DistinctBy(p => p.IdempotencyKey, StringComparer.Ordinal).ToList();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in unique.Select(p => p.IdempotencyKey).Chunk(KeyChunk))
        {
            existing.UnionWith(await db.OutboxMessages.AsNoTracking().Where(m => chunk.Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken));
        }

        return unique.Where(p => !existing.Contains(p.IdempotencyKey)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rappels : vague {WaveId} ignorée (définition ou calendrier introuvable)")]
    private static partial void LogWaveSkipped(ILogger logger, Guid waveId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rappels : {Queued} mis en file ({Planned} dus, {Alerts} alertes) en {TotalMs:F0} ms : "
        + "lecture {ReadMs:F0}, plan {PlanMs:F0}, clés {CheckMs:F0}, messages {BuildMs:F0}, écriture {InsertMs:F0}")]
    private static partial void LogSwept(ILogger logger, int queued, int planned, int alerts, double totalMs, double readMs, double planMs, double checkMs,
        double buildMs, double insertMs);

    private sealed record IndicatorRow(Guid EnrolmentId, string IndicatorId, string Period);

    /// <summary>A group (with its consultant) or an ARS referent of a wave.</summary>
    private sealed record ContactRow(Guid WaveId, Guid? GroupId, string? GroupName, string? Name, string? Email)
    {
        public ReminderContact? Contact => string.IsNullOrWhiteSpace(Email) ? null : new(string.IsNullOrWhiteSpace(Name) ? Email : Name, Email);
    }
}
